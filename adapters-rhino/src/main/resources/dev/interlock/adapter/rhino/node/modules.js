// The `crypto`, `util`, `events`, `buffer` and `jsonwebtoken` modules. ES5; no shared state.
(function (native, lib) {
  'use strict';
  var Buffer = lib.Buffer;

  function defineHidden(o, name, value) {
    Object.defineProperty(o, name, { value: value, writable: true, configurable: true, enumerable: false });
  }

  function argTypeError(message) {
    var e = new TypeError(message);
    e.code = 'ERR_INVALID_ARG_TYPE';
    return e;
  }

  function toBytes(data, encoding, what) {
    if (typeof data === 'string') return lib.encode(data, encoding);
    if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    if (data instanceof ArrayBuffer) return new Uint8Array(data);
    throw argTypeError('The "' + what + '" argument must be of type string or an instance of Buffer, TypedArray, or DataView. Received ' + (data === null ? 'null' : typeof data));
  }

  function output(bytes, encoding) {
    return encoding === undefined || encoding === 'buffer' ? lib.wrapBuffer(bytes) : lib.decode(bytes, encoding);
  }

  // ---------------------------------------------------------------- crypto
  var HASHES = { md5: 1, sha1: 1, sha224: 1, sha256: 1, sha384: 1, sha512: 1, 'sha-1': 1, 'sha-224': 1, 'sha-256': 1,
    'sha-384': 1, 'sha-512': 1, 'rsa-sha256': 1, 'rsa-sha1': 1, 'rsa-sha512': 1 };

  // Instance fields are plain properties: defining hidden ones costs more than the digest itself.
  function Digest(kind, algorithm, key) {
    if (!HASHES[algorithm.toLowerCase()]) throw new Error('Digest method not supported: ' + algorithm);
    this._kind = kind;
    this._algorithm = algorithm.replace(/^rsa-/i, '');
    this._key = key;
    this._chunks = [];
    this._done = false;
  }
  defineHidden(Digest.prototype, 'update', function (data, encoding) {
    if (this._done) { var e = new Error('Digest already called'); e.code = 'ERR_CRYPTO_HASH_FINALIZED'; throw e; }
    this._chunks.push(toBytes(data, encoding, 'data'));
    return this;
  });
  defineHidden(Digest.prototype, 'digest', function (encoding) {
    if (this._done) { var e = new Error('Digest already called'); e.code = 'ERR_CRYPTO_HASH_FINALIZED'; throw e; }
    this._done = true;
    var data = this._chunks.length === 1 ? this._chunks[0] : Buffer.concat(this._chunks);
    var bytes = this._kind === 'hmac' ? native.hmac(this._algorithm, this._key, data) : native.hash(this._algorithm, data);
    return output(bytes, encoding);
  });
  defineHidden(Digest.prototype, 'copy', function () {
    var c = new Digest(this._kind, this._algorithm, this._key);
    c._chunks = this._chunks.slice();
    return c;
  });

  function keyPem(key) {
    if (typeof key === 'string') return key;
    if (ArrayBuffer.isView(key)) return native.utf8Decode(key);
    if (key && typeof key === 'object' && key.key !== undefined) return keyPem(key.key);
    throw argTypeError('The "key" argument must be a PEM string, Buffer or { key } object');
  }

  function Signer(algorithm) {
    this._algorithm = algorithm;
    this._chunks = [];
  }
  defineHidden(Signer.prototype, 'update', function (data, encoding) {
    this._chunks.push(toBytes(data, encoding, 'data'));
    return this;
  });
  defineHidden(Signer.prototype, 'sign', function (key, encoding) {
    return output(native.sign(this._algorithm, keyPem(key), Buffer.concat(this._chunks)), encoding);
  });
  defineHidden(Signer.prototype, 'verify', function (key, signature, encoding) {
    return native.verify(this._algorithm, keyPem(key), Buffer.concat(this._chunks), toBytes(signature, encoding, 'signature'));
  });
  defineHidden(Signer.prototype, 'end', function () { return this; });

  var crypto = {
    createHash: function (algorithm) { return new Digest('hash', String(algorithm)); },
    createHmac: function (algorithm, key) { return new Digest('hmac', String(algorithm), toBytes(key, 'utf8', 'key')); },
    createSign: function (algorithm) { return new Signer(String(algorithm)); },
    createVerify: function (algorithm) { return new Signer(String(algorithm)); },
    sign: function (algorithm, data, key) {
      return lib.wrapBuffer(native.sign(algorithm || 'sha256', keyPem(key), toBytes(data, 'utf8', 'data')));
    },
    verify: function (algorithm, data, key, signature) {
      return native.verify(algorithm || 'sha256', keyPem(key), toBytes(data, 'utf8', 'data'), toBytes(signature, 'utf8', 'signature'));
    },
    randomBytes: function (size, callback) {
      var b = lib.wrapBuffer(native.randomBytes(size));
      if (typeof callback === 'function') { queueMicrotask(function () { callback(null, b); }); return undefined; }
      return b;
    },
    randomUUID: function () { return native.randomUUID(); },
    randomInt: function (min, max) {
      if (max === undefined) { max = min; min = 0; }
      var range = max - min;
      if (!(range > 0) || range > 281474976710655) throw new RangeError('The value of "max" is out of range. It must be greater than the value of "min" (' + min + ').');
      var b = native.randomBytes(6), v = 0;
      for (var i = 0; i < 6; i++) v = v * 256 + b[i];
      return min + (v % range);
    },
    timingSafeEqual: function (a, b) {
      var x = toBytes(a, 'utf8', 'buf1'), y = toBytes(b, 'utf8', 'buf2');
      if (x.length !== y.length) {
        var e = new RangeError('Input buffers must have the same byte length');
        e.code = 'ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH';
        throw e;
      }
      var diff = 0;
      for (var i = 0; i < x.length; i++) diff |= x[i] ^ y[i];
      return diff === 0;
    },
    getHashes: function () { return ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512']; },
    getRandomValues: lib.getRandomValues,
    webcrypto: lib.crypto
  };

  // ---------------------------------------------------------------- util
  function promisify(fn) {
    if (typeof fn !== 'function') throw argTypeError('The "original" argument must be of type function');
    return function () {
      var self = this, args = Array.prototype.slice.call(arguments);
      return new Promise(function (resolve, reject) {
        args.push(function (err, value) { if (err) reject(err); else resolve(value); });
        fn.apply(self, args);
      });
    };
  }
  function tag(v) { return Object.prototype.toString.call(v).slice(8, -1); }
  var types = {
    isDate: function (v) { return tag(v) === 'Date'; },
    isRegExp: function (v) { return tag(v) === 'RegExp'; },
    isPromise: function (v) { return tag(v) === 'Promise'; },
    isMap: function (v) { return tag(v) === 'Map'; },
    isSet: function (v) { return tag(v) === 'Set'; },
    isNativeError: function (v) { return v instanceof Error; },
    isTypedArray: function (v) { return ArrayBuffer.isView(v) && !(v instanceof DataView); },
    isUint8Array: function (v) { return v instanceof Uint8Array; },
    isArrayBuffer: function (v) { return v instanceof ArrayBuffer; },
    isAsyncFunction: function (v) { return typeof v === 'function' && tag(v) === 'AsyncFunction'; }
  };
  function isDeepStrictEqual(a, b) {
    if (Object.is(a, b)) return true;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
    if (a instanceof Date) return a.getTime() === b.getTime();
    if (ArrayBuffer.isView(a)) return Buffer.from(a).equals(Buffer.from(b));
    if (a instanceof Map || a instanceof Set) {
      if (a.size !== b.size) return false;
      var ea = Array.from(a), eb = Array.from(b);
      return isDeepStrictEqual(ea, eb);
    }
    var ka = Object.keys(a), kb = Object.keys(b);
    if (ka.length !== kb.length) return false;
    for (var i = 0; i < ka.length; i++) {
      if (!Object.prototype.hasOwnProperty.call(b, ka[i]) || !isDeepStrictEqual(a[ka[i]], b[ka[i]])) return false;
    }
    return true;
  }
  var util = {
    format: function () { return native.format.apply(null, arguments); },
    inspect: function (v) { return typeof v === 'string' ? "'" + v.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n') + "'" : native.inspect(v); },
    promisify: promisify,
    callbackify: function (fn) {
      return function () {
        var args = Array.prototype.slice.call(arguments), cb = args.pop();
        fn.apply(this, args).then(function (v) { cb(null, v); }, function (e) { cb(e); });
      };
    },
    inherits: function (ctor, superCtor) {
      Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
      Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
    },
    deprecate: function (fn) { return fn; },
    isDeepStrictEqual: isDeepStrictEqual,
    isArray: Array.isArray,
    types: types,
    TextEncoder: lib.TextEncoder,
    TextDecoder: lib.TextDecoder
  };

  // ---------------------------------------------------------------- events
  function EventEmitter(opts) {
    if (!Object.prototype.hasOwnProperty.call(this, '_events') || this._events === undefined) {
      defineHidden(this, '_events', Object.create(null));
      defineHidden(this, '_maxListeners', undefined);
    }
  }
  var EP = EventEmitter.prototype;
  function events(self) {
    if (!self._events) defineHidden(self, '_events', Object.create(null));
    return self._events;
  }
  function addListener(self, name, fn, prepend, once) {
    if (typeof fn !== 'function') throw argTypeError('The "listener" argument must be of type function. Received ' + (fn === null ? 'null' : typeof fn));
    var ev = events(self);
    if (ev.newListener && name !== 'newListener') self.emit('newListener', name, fn);
    var list = ev[name] || (ev[name] = []);
    var entry = { fn: fn, once: once };
    if (prepend) list.unshift(entry); else list.push(entry);
    return self;
  }
  EP.on = EP.addListener = function (name, fn) { return addListener(this, name, fn, false, false); };
  EP.prependListener = function (name, fn) { return addListener(this, name, fn, true, false); };
  EP.once = function (name, fn) { return addListener(this, name, fn, false, true); };
  EP.prependOnceListener = function (name, fn) { return addListener(this, name, fn, true, true); };
  EP.off = EP.removeListener = function (name, fn) {
    var list = events(this)[name];
    if (!list) return this;
    for (var i = list.length - 1; i >= 0; i--) {
      if (list[i].fn === fn) { list.splice(i, 1); if (events(this).removeListener) this.emit('removeListener', name, fn); break; }
    }
    if (!list.length) delete events(this)[name];
    return this;
  };
  EP.removeAllListeners = function (name) {
    if (name === undefined) defineHidden(this, '_events', Object.create(null)); else delete events(this)[name];
    return this;
  };
  EP.emit = function (name) {
    var list = events(this)[name], args = Array.prototype.slice.call(arguments, 1);
    if (!list || !list.length) {
      if (name === 'error') {
        var err = args[0];
        if (err instanceof Error) throw err;
        var e = new Error('Unhandled error. (' + native.inspect(err) + ')');
        e.code = 'ERR_UNHANDLED_ERROR';
        e.context = err;
        throw e;
      }
      return false;
    }
    var copy = list.slice();
    for (var i = 0; i < copy.length; i++) {
      if (copy[i].once) {
        var at = list.indexOf(copy[i]);
        if (at >= 0) list.splice(at, 1);
      }
      copy[i].fn.apply(this, args);
    }
    if (!list.length) delete events(this)[name];
    return true;
  };
  EP.listenerCount = function (name) { var l = events(this)[name]; return l ? l.length : 0; };
  EP.listeners = function (name) { var l = events(this)[name]; return l ? l.map(function (e) { return e.fn; }) : []; };
  EP.rawListeners = EP.listeners;
  EP.eventNames = function () { return Object.keys(events(this)); };
  EP.setMaxListeners = function (n) { defineHidden(this, '_maxListeners', n); return this; };
  EP.getMaxListeners = function () { return this._maxListeners === undefined ? 10 : this._maxListeners; };
  EventEmitter.EventEmitter = EventEmitter;
  EventEmitter.defaultMaxListeners = 10;
  EventEmitter.once = function (emitter, name) {
    return new Promise(function (resolve, reject) {
      function onError(err) { emitter.removeListener(name, onEvent); reject(err); }
      function onEvent() {
        if (name !== 'error') emitter.removeListener('error', onError);
        resolve(Array.prototype.slice.call(arguments));
      }
      emitter.once(name, onEvent);
      if (name !== 'error') emitter.once('error', onError);
    });
  };
  EventEmitter.listenerCount = function (emitter, name) { return emitter.listenerCount(name); };

  var buffer = { Buffer: Buffer, kMaxLength: 4294967296, constants: { MAX_LENGTH: 4294967296, MAX_STRING_LENGTH: 536870888 },
    atob: lib.atob, btoa: lib.btoa };

  // $shared*: objects only a closure leads to, listed so that the runtime freezes them too.
  return { crypto: crypto, util: util, events: EventEmitter, buffer: buffer, $sharedModules: [Digest.prototype, Signer.prototype] };
})
