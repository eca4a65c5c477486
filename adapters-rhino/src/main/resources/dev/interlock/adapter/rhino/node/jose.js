// The `jose` package (JWT verification and signing as Custom Token Exchange and redirect actions
// use it) and `jwks-rsa` (signing keys from a JWKS URL), on the host's HMAC, RSA and ECDSA
// functions and fetch. Algorithms: HS256/384/512, RS256/384/512, ES256/384/512. Keys are plain
// frozen objects standing for jose's KeyObject ({type, algorithm}); a JWKS fetched by
// createRemoteJWKSet or jwksClient is cached by that object, which lives for one execution. ES5.
(function (native, lib) {
  'use strict';
  var fetch = lib.fetch, Buffer = lib.Buffer;
  var HMAC = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' };
  var ASYMMETRIC = { RS256: 1, RS384: 1, RS512: 1, ES256: 1, ES384: 1, ES512: 1 };

  // ---------------------------------------------------------------- errors (jose.errors)
  function defineError(name, code, base) {
    function E(message, claim, reason) {
      var e = new Error(message);
      Object.setPrototypeOf(e, E.prototype);
      e.name = name;
      e.code = code;
      if (claim !== undefined) e.claim = claim;
      if (reason !== undefined) e.reason = reason;
      return e;
    }
    E.prototype = lib.errorPrototype(base || Error);
    E.prototype.constructor = E;
    E.code = code;
    return E;
  }
  var JOSEError = defineError('JOSEError', 'ERR_JOSE_GENERIC');
  var errors = {
    JOSEError: JOSEError,
    JWTClaimValidationFailed: defineError('JWTClaimValidationFailed', 'ERR_JWT_CLAIM_VALIDATION_FAILED', JOSEError),
    JOSEAlgNotAllowed: defineError('JOSEAlgNotAllowed', 'ERR_JOSE_ALG_NOT_ALLOWED', JOSEError),
    JOSENotSupported: defineError('JOSENotSupported', 'ERR_JOSE_NOT_SUPPORTED', JOSEError),
    JWSInvalid: defineError('JWSInvalid', 'ERR_JWS_INVALID', JOSEError),
    JWTInvalid: defineError('JWTInvalid', 'ERR_JWT_INVALID', JOSEError),
    JWKSInvalid: defineError('JWKSInvalid', 'ERR_JWKS_INVALID', JOSEError),
    JWKSNoMatchingKey: defineError('JWKSNoMatchingKey', 'ERR_JWKS_NO_MATCHING_KEY', JOSEError),
    JWKSMultipleMatchingKeys: defineError('JWKSMultipleMatchingKeys', 'ERR_JWKS_MULTIPLE_MATCHING_KEYS', JOSEError),
    JWSSignatureVerificationFailed: defineError('JWSSignatureVerificationFailed', 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED', JOSEError)
  };
  errors.JWTExpired = defineError('JWTExpired', 'ERR_JWT_EXPIRED', errors.JWTClaimValidationFailed);

  // ---------------------------------------------------------------- encoding
  function b64urlEncode(input) {
    var bytes = typeof input === 'string' ? native.utf8Encode(input) : input;
    return native.base64Encode(bytes, true);
  }
  function b64urlDecode(s) { return native.base64Decode(String(s).replace(/-/g, '+').replace(/_/g, '/')); }
  function jsonPart(s, Err, what) {
    try {
      var v = JSON.parse(native.utf8Decode(b64urlDecode(s)));
      if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new Error();
      return v;
    } catch (e) {
      throw new Err(what);
    }
  }

  /** Compares in time independent of where the bytes differ. */
  function sameBytes(a, b) {
    if (a.length !== b.length) return false;
    var d = 0;
    for (var i = 0; i < a.length; i++) d |= a[i] ^ b[i];
    return d === 0;
  }

  // ---------------------------------------------------------------- keys
  function keyObject(type, pem, secret, algorithm) {
    var k = Object.create(KeyObjectProto);
    Object.defineProperty(k, 'type', { value: type, enumerable: true });
    Object.defineProperty(k, '_pem', { value: pem });
    Object.defineProperty(k, '_secret', { value: secret });
    if (algorithm) Object.defineProperty(k, 'algorithm', { value: algorithm, enumerable: true });
    return Object.freeze(k);
  }
  var KeyObjectProto = {};
  function importPem(type, marker) {
    return function (pem, alg) {
      if (typeof pem !== 'string' || pem.indexOf(marker) < 0) {
        return Promise.reject(new TypeError('"' + type + '" must be ' + marker + ' PEM formatted string'));
      }
      return Promise.resolve(keyObject(type === 'pkcs8' ? 'private' : 'public', pem, null, alg));
    };
  }
  function importJWK(jwk, alg) {
    try {
      if (!jwk || typeof jwk !== 'object') throw new TypeError('JWK must be an object');
      if (jwk.kty === 'oct') {
        if (typeof jwk.k !== 'string') throw new TypeError('missing "k" (Key Value) Parameter value');
        return Promise.resolve(new Uint8Array(b64urlDecode(jwk.k)));
      }
      if (jwk.d !== undefined) throw new errors.JOSENotSupported('private JWKs are not supported; import a PKCS#8 PEM instead');
      return Promise.resolve(keyObject('public', native.jwkToPem(jwk), null, alg || jwk.alg));
    } catch (e) {
      return Promise.reject(e);
    }
  }
  function secretOf(key) {
    if (typeof key === 'string') return native.utf8Encode(key);
    if (ArrayBuffer.isView(key)) return key;
    if (key && key._secret) return key._secret;
    return null;
  }

  function checkKey(alg, key, usage) {
    if (HMAC[alg]) {
      var secret = secretOf(key);
      if (secret === null) throw new TypeError('Key for the ' + alg + ' algorithm must be of type Uint8Array or a secret KeyObject');
      return secret;
    }
    if (!ASYMMETRIC[alg]) throw new errors.JOSENotSupported('Unsupported "alg" value for a JSON Web Key Set or key: ' + alg);
    if (!key || !key._pem) throw new TypeError('Key for the ' + alg + ' algorithm must be a KeyObject (importSPKI, importX509, importPKCS8, importJWK)');
    if (usage === 'sign' && key.type !== 'private') throw new TypeError('Key for the ' + alg + ' algorithm must be a private key');
    return key._pem;
  }

  // ---------------------------------------------------------------- JWKS
  function selectKey(keys, header) {
    var alg = header.alg;
    var kty = alg && alg.charAt(0) === 'R' ? 'RSA' : alg && alg.charAt(0) === 'E' ? 'EC' : alg && alg.charAt(0) === 'H' ? 'oct' : null;
    var found = (keys || []).filter(function (k) {
      return (header.kid === undefined || k.kid === header.kid) && (kty === null || k.kty === kty)
        && (k.use === undefined || k.use === 'sig') && (k.alg === undefined || k.alg === alg);
    });
    if (found.length === 0) throw new errors.JWKSNoMatchingKey('no applicable key found in the JSON Web Key Set');
    if (found.length > 1 && header.kid !== undefined) {
      throw new errors.JWKSMultipleMatchingKeys('multiple matching keys found in the JSON Web Key Set');
    }
    return found[0];
  }
  function createLocalJWKSet(jwks) {
    if (!jwks || !Array.isArray(jwks.keys)) throw new errors.JWKSInvalid('JSON Web Key Set malformed');
    return function (header) {
      try {
        return importJWK(selectKey(jwks.keys, header), header.alg);
      } catch (e) {
        return Promise.reject(e);
      }
    };
  }
  function fetchJwks(url, timeoutMs) {
    var init = { headers: { accept: 'application/json' } };
    if (timeoutMs) init.signal = lib.AbortSignal.timeout(timeoutMs);
    return fetch(String(url), init).then(function (res) {
      if (!res.ok) throw new JOSEError('Expected 200 OK from the JSON Web Key Set HTTP response');
      return res.json();
    }).then(function (jwks) {
      if (!jwks || !Array.isArray(jwks.keys)) throw new errors.JWKSInvalid('JSON Web Key Set malformed');
      return jwks;
    });
  }
  function createRemoteJWKSet(url, options) {
    var href = url instanceof lib.URL ? url.href : String(url);
    var pending = null;
    var timeout = options && options.timeoutDuration !== undefined ? options.timeoutDuration : 5000;
    return function (header) {
      if (pending === null) pending = fetchJwks(href, timeout).then(null, function (e) { pending = null; throw e; });
      return pending.then(function (jwks) { return importJWK(selectKey(jwks.keys, header), header.alg); });
    };
  }

  // ---------------------------------------------------------------- verification
  function seconds(v) {
    if (typeof v === 'number') return v;
    var m = /^(\d+|\d+\.\d+) ?(seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|w|years?|yrs?|y)$/i.exec(String(v));
    if (m === null) throw new TypeError('Invalid time period format');
    var n = parseFloat(m[1]), u = m[2].toLowerCase().charAt(0);
    var mult = u === 's' ? 1 : u === 'm' ? 60 : u === 'h' ? 3600 : u === 'd' ? 86400 : u === 'w' ? 604800 : 31557600;
    return Math.round(n * mult);
  }
  function now(options) {
    var d = options && options.currentDate ? options.currentDate : new Date();
    return Math.floor(d.getTime() / 1000);
  }
  function claimFailed(message, claim, reason) { return new errors.JWTClaimValidationFailed(message, claim, reason); }

  function validateClaims(header, payload, options) {
    options = options || {};
    var t = now(options), tolerance = options.clockTolerance !== undefined ? seconds(options.clockTolerance) : 0;
    if (options.typ && String(header.typ).toLowerCase() !== String(options.typ).toLowerCase()) {
      throw claimFailed('unexpected "typ" JWT header value', 'typ', 'check_failed');
    }
    var required = (options.requiredClaims || []).slice();
    if (options.issuer !== undefined) required.push('iss');
    if (options.audience !== undefined) required.push('aud');
    if (options.subject !== undefined) required.push('sub');
    if (options.maxTokenAge !== undefined) required.push('iat');
    required.forEach(function (c) {
      if (!(c in payload)) throw claimFailed('missing required "' + c + '" claim', c, 'missing');
    });
    if (options.issuer !== undefined) {
      var issuers = Array.isArray(options.issuer) ? options.issuer : [options.issuer];
      if (issuers.indexOf(payload.iss) < 0) throw claimFailed('unexpected "iss" claim value', 'iss', 'check_failed');
    }
    if (options.subject !== undefined && payload.sub !== options.subject) {
      throw claimFailed('unexpected "sub" claim value', 'sub', 'check_failed');
    }
    if (options.audience !== undefined) {
      var wanted = Array.isArray(options.audience) ? options.audience : [options.audience];
      var aud = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
      if (!wanted.some(function (a) { return aud.indexOf(a) >= 0; })) {
        throw claimFailed('unexpected "aud" claim value', 'aud', 'check_failed');
      }
    }
    ['iat', 'nbf', 'exp'].forEach(function (c) {
      if (payload[c] !== undefined && typeof payload[c] !== 'number') throw claimFailed('"' + c + '" claim must be a number', c, 'invalid');
    });
    if (payload.nbf !== undefined && payload.nbf > t + tolerance) {
      throw claimFailed('"nbf" claim timestamp check failed', 'nbf', 'check_failed');
    }
    if (payload.exp !== undefined && payload.exp <= t - tolerance) {
      throw new errors.JWTExpired('"exp" claim timestamp check failed', 'exp', 'check_failed');
    }
    if (options.maxTokenAge !== undefined) {
      var age = t - payload.iat;
      if (age - tolerance > seconds(options.maxTokenAge)) {
        throw new errors.JWTExpired('"iat" claim timestamp check failed (too far in the past)', 'iat', 'check_failed');
      }
      if (age < 0 - tolerance) throw claimFailed('"iat" claim timestamp check failed (it should be in the past)', 'iat', 'check_failed');
    }
    return payload;
  }

  function jwtVerify(jwt, key, options) {
    return new Promise(function (resolve) {
      if (typeof jwt !== 'string') throw new errors.JWSInvalid('Compact JWS must be a string or Uint8Array');
      var parts = jwt.split('.');
      if (parts.length !== 3) throw new errors.JWSInvalid('Invalid Compact JWS');
      var header = jsonPart(parts[0], errors.JWSInvalid, 'JWS Protected Header is invalid');
      if (typeof header.alg !== 'string') throw new errors.JWSInvalid('JWS "alg" (Algorithm) Header Parameter missing or invalid');
      if (options && options.algorithms && options.algorithms.indexOf(header.alg) < 0) {
        throw new errors.JOSEAlgNotAllowed('"alg" (Algorithm) Header Parameter value not allowed');
      }
      if (!HMAC[header.alg] && !ASYMMETRIC[header.alg]) throw new errors.JOSENotSupported('Unsupported "alg" value: ' + header.alg);
      resolve(Promise.resolve(typeof key === 'function' ? key(header, { payload: parts[1], signature: parts[2] }) : key)
        .then(function (k) {
          var input = native.utf8Encode(parts[0] + '.' + parts[1]);
          var sig = b64urlDecode(parts[2]);
          var material = checkKey(header.alg, k, 'verify');
          var valid = HMAC[header.alg]
            ? sameBytes(native.hmac(HMAC[header.alg], material, input), sig)
            : native.jwsVerify(header.alg, material, input, sig);
          if (!valid) throw new errors.JWSSignatureVerificationFailed('signature verification failed');
          var payload = jsonPart(parts[1], errors.JWTInvalid, 'JWT Claims Set must be a top-level JSON object');
          validateClaims(header, payload, options);
          return { payload: payload, protectedHeader: header };
        }));
    });
  }

  // ---------------------------------------------------------------- signing
  function SignJWT(payload) {
    if (!(this instanceof SignJWT)) throw new TypeError("Class constructor SignJWT cannot be invoked without 'new'");
    if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) throw new TypeError('JWT Claims Set MUST be an object');
    this._payload = JSON.parse(JSON.stringify(payload));
    this._header = undefined;
  }
  function relative(v) { return typeof v === 'number' ? v : now() + seconds(v); }
  SignJWT.prototype.setProtectedHeader = function (h) { this._header = h; return this; };
  SignJWT.prototype.setIssuer = function (v) { this._payload.iss = v; return this; };
  SignJWT.prototype.setSubject = function (v) { this._payload.sub = v; return this; };
  SignJWT.prototype.setAudience = function (v) { this._payload.aud = v; return this; };
  SignJWT.prototype.setJti = function (v) { this._payload.jti = v; return this; };
  SignJWT.prototype.setNotBefore = function (v) { this._payload.nbf = relative(v); return this; };
  SignJWT.prototype.setExpirationTime = function (v) { this._payload.exp = relative(v); return this; };
  SignJWT.prototype.setIssuedAt = function (v) { this._payload.iat = v === undefined ? now() : relative(v); return this; };
  SignJWT.prototype.sign = function (key) {
    var self = this;
    return new Promise(function (resolve) {
      var h = self._header;
      if (!h || typeof h.alg !== 'string') throw new errors.JWSInvalid('either setProtectedHeader or setUnprotectedHeader must be called before #sign()');
      var material = checkKey(h.alg, key, 'sign');
      var input = b64urlEncode(JSON.stringify(h)) + '.' + b64urlEncode(JSON.stringify(self._payload));
      var bytes = native.utf8Encode(input);
      var sig = HMAC[h.alg] ? native.hmac(HMAC[h.alg], material, bytes) : native.jwsSign(h.alg, material, bytes);
      resolve(input + '.' + b64urlEncode(sig));
    });
  };

  function decodeJwt(jwt) {
    var parts = typeof jwt === 'string' ? jwt.split('.') : [];
    if (parts.length !== 3) throw new errors.JWTInvalid('Invalid JWT');
    return jsonPart(parts[1], errors.JWTInvalid, 'Invalid JWT Claims Set');
  }
  function decodeProtectedHeader(token) {
    var parts = typeof token === 'string' ? token.split('.') : [];
    if (parts.length < 1 || parts[0] === '') throw new TypeError('Invalid Token or Protected Header formatting');
    return jsonPart(parts[0], TypeError, 'Invalid Token or Protected Header formatting');
  }

  var jose = {
    jwtVerify: jwtVerify,
    SignJWT: SignJWT,
    createRemoteJWKSet: createRemoteJWKSet,
    createLocalJWKSet: createLocalJWKSet,
    importSPKI: importPem('spki', '-----BEGIN PUBLIC KEY-----'),
    importX509: importPem('x509', '-----BEGIN CERTIFICATE-----'),
    importPKCS8: importPem('pkcs8', '-----BEGIN PRIVATE KEY-----'),
    importJWK: importJWK,
    decodeJwt: decodeJwt,
    decodeProtectedHeader: decodeProtectedHeader,
    base64url: { encode: function (v) { return b64urlEncode(v); }, decode: function (v) { return new Uint8Array(b64urlDecode(v)); } },
    errors: errors
  };

  // ---------------------------------------------------------------- jwks-rsa
  function SigningKeyNotFoundError(message) {
    var e = new Error(message);
    Object.setPrototypeOf(e, SigningKeyNotFoundError.prototype);
    e.name = 'SigningKeyNotFoundError';
    return e;
  }
  SigningKeyNotFoundError.prototype = lib.errorPrototype(Error);
  function JwksClient(options) {
    if (!options || !options.jwksUri) throw new TypeError('jwksClient: the "jwksUri" option is required');
    var uri = String(options.jwksUri), pending = null;
    function keys() {
      if (pending === null) pending = fetchJwks(uri, options.timeout || 30000).then(null, function (e) { pending = null; throw e; });
      return pending;
    }
    function signingKeys(all) {
      return all.filter(function (k) { return k.use === undefined || k.use === 'sig'; })
        .filter(function (k) { return k.kty === 'RSA' || k.kty === 'EC'; })
        .map(function (k) {
          var pem = native.jwkToPem(k);
          var key = { kid: k.kid, alg: k.alg, getPublicKey: function () { return pem; } };
          if (k.kty === 'RSA') key.rsaPublicKey = pem; else key.publicKey = pem;
          return key;
        });
    }
    this.getSigningKeys = function (cb) {
      var p = keys().then(function (jwks) { return signingKeys(jwks.keys); });
      if (typeof cb !== 'function') return p;
      p.then(function (k) { cb(null, k); }, function (e) { cb(e); });
    };
    this.getSigningKey = function (kid, cb) {
      if (typeof kid === 'function') { cb = kid; kid = undefined; }
      var p = keys().then(function (jwks) {
        var all = signingKeys(jwks.keys);
        var found = kid === undefined || kid === null ? (all.length === 1 ? all[0] : null)
          : all.filter(function (k) { return k.kid === kid; })[0];
        if (!found) throw new SigningKeyNotFoundError('Unable to find a signing key that matches \'' + kid + '\'');
        return found;
      });
      if (typeof cb !== 'function') return p;
      p.then(function (k) { cb(null, k); }, function (e) { cb(e); });
    };
    Object.freeze(this);
  }
  function jwksClient(options) { return new JwksClient(options); }
  jwksClient.JwksClient = JwksClient;
  jwksClient.SigningKeyNotFoundError = SigningKeyNotFoundError;

  return { jose: jose, 'jwks-rsa': jwksClient, $sharedJose: [KeyObjectProto] };
});
