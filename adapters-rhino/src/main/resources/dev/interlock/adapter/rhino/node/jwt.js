// The `jsonwebtoken` package (v9 API): sign, verify, decode with HS256/384/512 and RS256/384/512,
// and its error classes. ES5; no shared state.
(function (native, lib) {
  'use strict';
  var Buffer = lib.Buffer;

  function JsonWebTokenError(message, error) {
    var e = new Error(message);
    Object.setPrototypeOf(e, Object.getPrototypeOf(this));
    e.name = 'JsonWebTokenError';
    if (error) e.inner = error;
    return e;
  }
  JsonWebTokenError.prototype = lib.errorPrototype(Error);
  JsonWebTokenError.prototype.constructor = JsonWebTokenError;

  function TokenExpiredError(message, expiredAt) {
    var e = JsonWebTokenError.call(this, message);
    e.name = 'TokenExpiredError';
    e.expiredAt = expiredAt;
    return e;
  }
  TokenExpiredError.prototype = lib.errorPrototype(JsonWebTokenError);
  TokenExpiredError.prototype.constructor = TokenExpiredError;

  function NotBeforeError(message, date) {
    var e = JsonWebTokenError.call(this, message);
    e.name = 'NotBeforeError';
    e.date = date;
    return e;
  }
  NotBeforeError.prototype = lib.errorPrototype(JsonWebTokenError);
  NotBeforeError.prototype.constructor = NotBeforeError;

  var HMAC = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' };
  var RSA = { RS256: 'sha256', RS384: 'sha384', RS512: 'sha512' };

  function b64url(bytes) { return native.base64Encode(bytes, true); }
  function b64urlJson(value) { return b64url(native.utf8Encode(JSON.stringify(value))); }

  // The `ms` package's formats: 60, "2 days", "10h", "7d", "1.5m", "100" (ms).
  function seconds(value, name) {
    if (typeof value === 'number') return value;
    var m = /^(-?(?:\d+)?\.?\d+) *(milliseconds?|msecs?|ms|seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|w|years?|yrs?|y)?$/i.exec(String(value));
    if (!m) throw new Error('"' + name + '" should be a number of seconds or string representing a timespan');
    var n = parseFloat(m[1]), unit = (m[2] || 'ms').toLowerCase();
    var ms;
    if (/^y/.test(unit)) ms = n * 31557600000;
    else if (/^w/.test(unit)) ms = n * 604800000;
    else if (/^d/.test(unit)) ms = n * 86400000;
    else if (/^h/.test(unit)) ms = n * 3600000;
    else if (/^(m|mins?|minutes?)$/.test(unit)) ms = n * 60000;
    else if (/^s/.test(unit)) ms = n * 1000;
    else ms = n;
    return Math.round(ms / 1000);
  }

  function keyString(key) {
    if (typeof key === 'string') return key;
    if (ArrayBuffer.isView(key)) return key;
    if (key && typeof key === 'object' && key.key !== undefined) return key.key;
    return key;
  }

  function signature(alg, key, input) {
    if (HMAC[alg]) return b64url(native.hmac(HMAC[alg], ArrayBuffer.isView(key) ? key : String(key), input));
    if (RSA[alg]) {
      var pem = ArrayBuffer.isView(key) ? native.utf8Decode(key) : String(key);
      if (pem.indexOf('PRIVATE KEY') < 0) throw new Error('secretOrPrivateKey must be an asymmetric key when using ' + alg);
      return b64url(native.sign(RSA[alg], pem, native.utf8Encode(input)));
    }
    if (alg === 'none') return '';
    throw new Error('"algorithm" must be a valid string enum value');
  }

  function later(callback, fn) {
    if (typeof callback !== 'function') return fn();
    var result, error = null;
    try { result = fn(); } catch (e) { error = e; }
    callback(error, error ? undefined : result);
    return undefined;
  }

  function sign(payload, secretOrPrivateKey, options, callback) {
    if (typeof options === 'function') { callback = options; options = {}; }
    options = options || {};
    return later(callback, function () {
      var key = keyString(secretOrPrivateKey);
      var alg = options.algorithm || 'HS256';
      if (!key && alg !== 'none') throw new Error('secretOrPrivateKey must have a value');
      var header = Object.assign({ alg: alg, typ: typeof payload === 'object' ? 'JWT' : undefined }, options.header);
      if (options.keyid) header.kid = options.keyid;
      if (header.typ === undefined) delete header.typ;
      var body;
      if (typeof payload === 'string' || ArrayBuffer.isView(payload)) {
        if (options.expiresIn !== undefined || options.notBefore !== undefined || options.audience !== undefined) {
          throw new Error('invalid expiresIn option for string payload');
        }
        body = typeof payload === 'string' ? payload : native.utf8Decode(payload);
      } else {
        if (payload === null || typeof payload !== 'object') throw new Error('Expected "payload" to be a plain object.');
        var claims = Object.assign({}, payload);
        var now = typeof options.mutatePayload === 'undefined' && claims.iat !== undefined ? claims.iat : Math.floor(Date.now() / 1000);
        if (options.noTimestamp) delete claims.iat; else claims.iat = now;
        if (options.notBefore !== undefined) {
          if (claims.nbf !== undefined) throw new Error('Bad "options.notBefore" option the payload already has an "nbf" property.');
          claims.nbf = now + seconds(options.notBefore, 'notBefore');
        }
        if (options.expiresIn !== undefined) {
          if (claims.exp !== undefined) throw new Error('Bad "options.expiresIn" option the payload already has an "exp" property.');
          claims.exp = now + seconds(options.expiresIn, 'expiresIn');
        }
        var map = { audience: 'aud', issuer: 'iss', subject: 'sub', jwtid: 'jti' };
        Object.keys(map).forEach(function (k) {
          if (options[k] !== undefined) {
            if (claims[map[k]] !== undefined) throw new Error('Bad "options.' + k + '" option. The payload already has an "' + map[k] + '" property.');
            claims[map[k]] = options[k];
          }
        });
        body = JSON.stringify(claims);
      }
      var input = b64urlJson(header) + '.' + b64url(native.utf8Encode(body));
      return input + '.' + signature(alg, key, input);
    });
  }

  function decode(token, options) {
    options = options || {};
    if (typeof token !== 'string') return null;
    var parts = token.split('.');
    if (parts.length !== 3) return null;
    var header, payload;
    try {
      header = JSON.parse(native.utf8Decode(native.base64Decode(parts[0])));
      var text = native.utf8Decode(native.base64Decode(parts[1]));
      try { payload = JSON.parse(text); } catch (e) { payload = text; }
      if (options.json && typeof payload === 'string') payload = JSON.parse(payload);
    } catch (e) {
      return null;
    }
    if (options.complete) return { header: header, payload: payload, signature: parts[2] };
    return payload;
  }

  function matches(expected, actual) {
    var list = Array.isArray(expected) ? expected : [expected];
    var values = Array.isArray(actual) ? actual : [actual];
    return values.some(function (v) {
      return list.some(function (e) { return e instanceof RegExp ? e.test(v) : e === v; });
    });
  }

  function verify(token, secretOrPublicKey, options, callback) {
    if (typeof options === 'function') { callback = options; options = {}; }
    options = options || {};
    return later(callback, function () {
      if (!token) throw new JsonWebTokenError('jwt must be provided');
      if (typeof token !== 'string') throw new JsonWebTokenError('jwt must be a string');
      var parts = token.split('.');
      if (parts.length !== 3) throw new JsonWebTokenError('jwt malformed');
      var decoded = decode(token, { complete: true });
      if (!decoded) throw new JsonWebTokenError('invalid token');
      var header = decoded.header, alg = header.alg;
      if (parts[2] === '' && alg !== 'none') throw new JsonWebTokenError('jwt signature is required');
      var key = keyString(secretOrPublicKey);
      if (!key && alg !== 'none') throw new JsonWebTokenError('secret or public key must be provided');
      if (parts[2] !== '' && !key) throw new JsonWebTokenError('secret or public key must be provided');
      var algorithms = options.algorithms;
      if (!algorithms) {
        var k = ArrayBuffer.isView(key) ? native.utf8Decode(key) : String(key);
        algorithms = /-----BEGIN (CERTIFICATE|PUBLIC KEY|RSA PUBLIC KEY)/.test(k) ? ['RS256', 'RS384', 'RS512']
          : /-----BEGIN/.test(k) ? ['RS256', 'RS384', 'RS512'] : ['HS256', 'HS384', 'HS512'];
      }
      if (algorithms.indexOf(alg) < 0) throw new JsonWebTokenError('invalid algorithm');
      var input = parts[0] + '.' + parts[1], valid;
      if (HMAC[alg]) {
        var expected = b64url(native.hmac(HMAC[alg], ArrayBuffer.isView(key) ? key : String(key), input));
        valid = expected.length === parts[2].length;
        var diff = 0;
        for (var i = 0; i < expected.length && valid; i++) diff |= expected.charCodeAt(i) ^ parts[2].charCodeAt(i);
        valid = valid && diff === 0;
      } else if (RSA[alg]) {
        var pem = ArrayBuffer.isView(key) ? native.utf8Decode(key) : String(key);
        try {
          valid = native.verify(RSA[alg], pem, native.utf8Encode(input), native.base64Decode(parts[2]));
        } catch (e) {
          throw new JsonWebTokenError(e.message);
        }
      } else {
        valid = false;
      }
      if (!valid) throw new JsonWebTokenError('invalid signature');
      var payload = decoded.payload;
      var clock = options.clockTimestamp !== undefined ? options.clockTimestamp : Math.floor(Date.now() / 1000);
      var tolerance = options.clockTolerance || 0;
      if (typeof payload === 'object' && payload !== null) {
        if (payload.nbf !== undefined && !options.ignoreNotBefore) {
          if (typeof payload.nbf !== 'number') throw new JsonWebTokenError('invalid nbf value');
          if (payload.nbf > clock + tolerance) throw new NotBeforeError('jwt not active', new Date(payload.nbf * 1000));
        }
        if (payload.exp !== undefined && !options.ignoreExpiration) {
          if (typeof payload.exp !== 'number') throw new JsonWebTokenError('invalid exp value');
          if (clock >= payload.exp + tolerance) throw new TokenExpiredError('jwt expired', new Date(payload.exp * 1000));
        }
        if (options.audience !== undefined) {
          if (!matches(options.audience, payload.aud)) {
            var aud = Array.isArray(options.audience) ? options.audience.join(' or ') : options.audience;
            throw new JsonWebTokenError('jwt audience invalid. expected: ' + aud);
          }
        }
        if (options.issuer !== undefined) {
          var issuers = Array.isArray(options.issuer) ? options.issuer : [options.issuer];
          if (issuers.indexOf(payload.iss) < 0) throw new JsonWebTokenError('jwt issuer invalid. expected: ' + issuers.join(','));
        }
        if (options.subject !== undefined && payload.sub !== options.subject) {
          throw new JsonWebTokenError('jwt subject invalid. expected: ' + options.subject);
        }
        if (options.jwtid !== undefined && payload.jti !== options.jwtid) {
          throw new JsonWebTokenError('jwt jwtid invalid. expected: ' + options.jwtid);
        }
        if (options.maxAge !== undefined) {
          if (typeof payload.iat !== 'number') throw new JsonWebTokenError('iat required when maxAge is specified');
          var maxAgeTime = payload.iat + seconds(options.maxAge, 'maxAge');
          if (clock >= maxAgeTime + tolerance) throw new TokenExpiredError('maxAge exceeded', new Date(maxAgeTime * 1000));
        }
      }
      return options.complete ? decoded : payload;
    });
  }

  return {
    jsonwebtoken: {
      sign: sign,
      verify: verify,
      decode: decode,
      JsonWebTokenError: JsonWebTokenError,
      TokenExpiredError: TokenExpiredError,
      NotBeforeError: NotBeforeError
    }
  };
})
