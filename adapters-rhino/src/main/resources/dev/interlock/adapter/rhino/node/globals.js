// Node-compatible globals, built once into the shared scope and then sealed. ES5 only (runs on
// Rhino without transpiling). Nothing here may keep mutable state outside the objects it
// returns: executions share these functions. `native` holds the JDK-backed host functions.
(function (native, global) {
  'use strict';
  // Read now: the shared scope later replaces the typed-array constructors with size-checking ones.
  var U8P = Uint8Array.prototype;

  function defineHidden(o, name, value) {
    Object.defineProperty(o, name, { value: value, writable: true, configurable: true, enumerable: false });
  }

  function typeError(message, code) {
    var e = new TypeError(message);
    if (code) e.code = code;
    return e;
  }

  // ---------------------------------------------------------------- error classes of the modules
  // The prototype for an error class the modules define (JsonWebTokenError, AxiosError, jose's
  // errors, ...) under `Parent` (Error or another such class). Rhino 1.9.2 computes an error's
  // `stack` when it is first read and casts the error's prototype to its Java Error class then: an
  // error re-parented onto a plain Object.create(Error.prototype) throws a Java ClassCastException
  // on `e.stack` (in the script, in console.log, and when the engine reports it uncaught). So the
  // prototype is itself an Error object, without a message or stack of its own.
  function errorPrototype(Parent) {
    var p = new Error();
    delete p.stack;
    Object.setPrototypeOf(p, Parent.prototype);
    return p;
  }

  // ---------------------------------------------------------------- Number.prototype.toLocaleString
  // Rhino 1.9.2 has no Intl and reads the locales argument as a radix ('illegal radix 0'). This
  // follows Intl.NumberFormat's option rules for the decimal, percent and currency styles; the
  // digits and separators come from the JDK's CLDR data. The default locale is en-US.
  (function () {
    function fractionDigits(options, name) {
      var v = options[name];
      if (v === undefined) return undefined;
      v = Number(v);
      if (!(v >= 0 && v <= 100)) throw new RangeError(name + ' value is out of range.');
      return Math.floor(v);
    }
    defineHidden(Number.prototype, 'toLocaleString', function toLocaleString(locales, options) {
      var value;
      if (typeof this === 'number') value = this;
      else if (this instanceof Number) value = this.valueOf();
      else throw new TypeError('Number.prototype.toLocaleString requires that \'this\' be a Number');
      var locale = Array.isArray(locales) ? locales[0] : locales;
      options = options === undefined || options === null ? {} : Object(options);
      var style = options.style === undefined ? 'decimal' : String(options.style);
      if (style !== 'decimal' && style !== 'percent' && style !== 'currency') {
        throw new RangeError('Value ' + style + ' out of range for Intl.NumberFormat options property style');
      }
      var currency = options.currency === undefined ? '' : String(options.currency).toUpperCase();
      if (style === 'currency' && currency === '') throw new TypeError('Currency code is required with currency style.');
      var cd = style === 'currency' ? native.currencyDigits(currency) : 0;
      var defMin = cd, defMax = style === 'currency' ? cd : style === 'percent' ? 0 : 3;
      var min = fractionDigits(options, 'minimumFractionDigits');
      var max = fractionDigits(options, 'maximumFractionDigits');
      if (min === undefined && max === undefined) { min = defMin; max = defMax; }
      else if (max === undefined) max = Math.max(defMax, min);
      else if (min === undefined) min = Math.min(defMin, max);
      else if (min > max) throw new RangeError('maximumFractionDigits value is out of range.');
      return native.formatNumber(value, locale === undefined ? '' : String(locale), style, currency, min, max,
        options.useGrouping !== false);
    });
  })();

  // ---------------------------------------------------------------- Promise.allSettled
  // Rhino 1.9.2 reports rejected entries with status ' rejected' (a leading space); Node and the
  // specification say 'rejected', and Actions compare with ===.
  (function () {
    var original = Promise.allSettled;
    if (typeof original !== 'function') return;
    defineHidden(Promise, 'allSettled', function allSettled(iterable) {
      return original.call(this, iterable).then(function (results) {
        for (var i = 0; i < results.length; i++) {
          if (results[i] && results[i].status === ' rejected') results[i].status = 'rejected';
        }
        return results;
      });
    });
  })();

  // ---------------------------------------------------------------- DOMException
  function DOMException(message, name) {
    if (!(this instanceof DOMException)) throw typeError("Class constructor DOMException cannot be invoked without 'new'");
    this.message = message === undefined ? '' : String(message);
    this.name = name === undefined ? 'Error' : String(name);
    this.stack = this.name + ': ' + this.message;
  }
  DOMException.prototype = Object.create(Error.prototype);
  defineHidden(DOMException.prototype, 'constructor', DOMException);

  // ---------------------------------------------------------------- Buffer
  var ENCODINGS = ['utf8', 'utf-8', 'hex', 'base64', 'base64url', 'ascii', 'latin1', 'binary', 'ucs2', 'ucs-2', 'utf16le', 'utf-16le'];

  function normEncoding(enc) {
    if (enc === undefined || enc === null) return 'utf8';
    var e = String(enc).toLowerCase();
    switch (e) {
      case 'utf8': case 'utf-8': return 'utf8';
      case 'hex': case 'base64': case 'base64url': case 'ascii': case 'latin1': return e;
      case 'binary': return 'latin1';
      case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le': return 'utf16le';
    }
    throw typeError('Unknown encoding: ' + enc, 'ERR_UNKNOWN_ENCODING');
  }

  function encode(str, enc) {
    switch (normEncoding(enc)) {
      case 'utf8': return native.utf8Encode(str);
      case 'hex': return native.hexDecode(str);
      case 'base64': case 'base64url': return native.base64Decode(str);
      case 'ascii': case 'latin1': return native.latin1Encode(str);
      case 'utf16le':
        var u = new Uint8Array(str.length * 2);
        for (var i = 0; i < str.length; i++) { var c = str.charCodeAt(i); u[2 * i] = c & 255; u[2 * i + 1] = c >>> 8; }
        return u;
    }
  }

  function decode(bytes, enc) {
    switch (normEncoding(enc)) {
      case 'utf8': return native.utf8Decode(bytes);
      case 'hex': return native.hexEncode(bytes);
      case 'base64': return native.base64Encode(bytes, false);
      case 'base64url': return native.base64Encode(bytes, true);
      case 'latin1': return native.latin1Decode(bytes);
      case 'ascii':
        var a = new Uint8Array(bytes.length);
        for (var i = 0; i < bytes.length; i++) a[i] = bytes[i] & 127;
        return native.latin1Decode(a);
      case 'utf16le':
        var s = '';
        for (var j = 0; j + 1 < bytes.length; j += 2) s += String.fromCharCode(bytes[j] | (bytes[j + 1] << 8));
        return s;
    }
  }

  function Buffer(value, encodingOrOffset, length) {
    return Buffer.from(value, encodingOrOffset, length);
  }
  Buffer.prototype = Object.create(Uint8Array.prototype);
  defineHidden(Buffer.prototype, 'constructor', Buffer);

  function wrap(u8) {
    Object.setPrototypeOf(u8, Buffer.prototype);
    return u8;
  }

  function isView(v) {
    return ArrayBuffer.isView(v);
  }

  function viewBytes(v) {
    return v instanceof Uint8Array ? v : new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
  }

  Buffer.from = function (value, encodingOrOffset, length) {
    if (typeof value === 'string') return wrap(encode(value, encodingOrOffset));
    if (value instanceof ArrayBuffer) {
      var off = encodingOrOffset === undefined ? 0 : Number(encodingOrOffset);
      var len = length === undefined ? value.byteLength - off : Number(length);
      return wrap(new Uint8Array(value, off, len));
    }
    if (isView(value)) {
      var src = viewBytes(value);
      var copy = new Uint8Array(src.length);
      copy.set(src);
      return wrap(copy);
    }
    if (value !== null && typeof value === 'object') {
      if (value.type === 'Buffer' && Array.isArray(value.data)) return Buffer.from(value.data);
      if (typeof value.length === 'number' || Array.isArray(value)) {
        var out = new Uint8Array(value.length >>> 0);
        for (var i = 0; i < out.length; i++) out[i] = Number(value[i]) & 255;
        return wrap(out);
      }
      if (typeof value.valueOf === 'function' && value.valueOf() !== value) return Buffer.from(value.valueOf(), encodingOrOffset, length);
    }
    throw typeError('The first argument must be of type string or an instance of Buffer, ArrayBuffer, or Array or an Array-like Object. Received ' + (value === null ? 'null' : typeof value), 'ERR_INVALID_ARG_TYPE');
  };

  function checkSize(size) {
    if (typeof size !== 'number' || size < 0 || size !== size) {
      throw typeError('The "size" argument must be of type number. Received ' + String(size), 'ERR_INVALID_ARG_TYPE');
    }
  }

  Buffer.alloc = function (size, fill, encoding) {
    checkSize(size);
    var b = wrap(new Uint8Array(size));
    if (fill !== undefined && fill !== 0) b.fill(fill, 0, b.length, encoding);
    return b;
  };
  Buffer.allocUnsafe = function (size) { checkSize(size); return wrap(new Uint8Array(size)); };
  Buffer.allocUnsafeSlow = Buffer.allocUnsafe;
  Buffer.isBuffer = function (b) { return b instanceof Buffer; };
  Buffer.isEncoding = function (e) { return typeof e === 'string' && ENCODINGS.indexOf(e.toLowerCase()) >= 0; };
  Buffer.byteLength = function (value, encoding) {
    if (typeof value !== 'string') {
      if (isView(value) || value instanceof ArrayBuffer) return value.byteLength;
      throw typeError('The "string" argument must be of type string or an instance of Buffer or ArrayBuffer.', 'ERR_INVALID_ARG_TYPE');
    }
    return encode(value, encoding).length;
  };
  Buffer.concat = function (list, totalLength) {
    if (!Array.isArray(list)) throw typeError('The "list" argument must be an instance of Array.', 'ERR_INVALID_ARG_TYPE');
    var total = 0, i;
    for (i = 0; i < list.length; i++) {
      if (!isView(list[i])) throw typeError('The "list[' + i + ']" argument must be an instance of Buffer or Uint8Array.', 'ERR_INVALID_ARG_TYPE');
      total += list[i].byteLength;
    }
    if (totalLength !== undefined) total = totalLength;
    var out = new Uint8Array(total), pos = 0;
    for (i = 0; i < list.length && pos < total; i++) {
      var b = viewBytes(list[i]);
      if (pos + b.length > total) b = b.subarray(0, total - pos);
      out.set(b, pos);
      pos += b.length;
    }
    return wrap(out);
  };
  Buffer.compare = function (a, b) { return Buffer.prototype.compare.call(a, b); };
  Buffer.poolSize = 8192;

  var BP = Buffer.prototype;
  defineHidden(BP, 'toString', function (encoding, start, end) {
    var s = start === undefined ? 0 : Math.max(0, start | 0);
    var e = end === undefined ? this.length : Math.min(this.length, end | 0);
    if (e <= s) return '';
    var bytes = s === 0 && e === this.length ? this : U8P.subarray.call(this, s, e);
    return decode(bytes, encoding);
  });
  defineHidden(BP, 'toJSON', function () {
    return { type: 'Buffer', data: Array.prototype.slice.call(this) };
  });
  defineHidden(BP, 'equals', function (other) {
    if (!isView(other)) throw typeError('The "otherBuffer" argument must be an instance of Buffer or Uint8Array.', 'ERR_INVALID_ARG_TYPE');
    return this.compare(other) === 0;
  });
  defineHidden(BP, 'compare', function (other) {
    var o = viewBytes(other), n = Math.min(this.length, o.length);
    for (var i = 0; i < n; i++) if (this[i] !== o[i]) return this[i] < o[i] ? -1 : 1;
    return this.length === o.length ? 0 : this.length < o.length ? -1 : 1;
  });
  defineHidden(BP, 'subarray', function (start, end) {
    return wrap(U8P.subarray.call(this, start, end));
  });
  defineHidden(BP, 'slice', function (start, end) {
    return wrap(U8P.subarray.call(this, start, end));
  });
  defineHidden(BP, 'copy', function (target, targetStart, sourceStart, sourceEnd) {
    var ts = targetStart | 0, ss = sourceStart | 0;
    var se = sourceEnd === undefined ? this.length : Math.min(this.length, sourceEnd | 0);
    var n = Math.max(0, Math.min(se - ss, target.length - ts));
    for (var i = 0; i < n; i++) target[ts + i] = this[ss + i];
    return n;
  });
  defineHidden(BP, 'fill', function (value, offset, end, encoding) {
    if (typeof offset === 'string') { encoding = offset; offset = 0; end = this.length; }
    var s = offset === undefined ? 0 : offset | 0, e = end === undefined ? this.length : end | 0;
    if (typeof value === 'string') {
      var bytes = encode(value, encoding);
      if (bytes.length === 0) bytes = [0];
      for (var i = s, j = 0; i < e; i++, j = (j + 1) % bytes.length) this[i] = bytes[j];
      return this;
    }
    U8P.fill.call(this, Number(value) & 255, s, e);
    return this;
  });
  defineHidden(BP, 'write', function (string, offset, length, encoding) {
    if (typeof offset === 'string') { encoding = offset; offset = 0; length = undefined; }
    else if (typeof length === 'string') { encoding = length; length = undefined; }
    var o = offset | 0, bytes = encode(string, encoding);
    var n = Math.min(bytes.length, this.length - o, length === undefined ? Infinity : length);
    for (var i = 0; i < n; i++) this[o + i] = bytes[i];
    return n;
  });
  defineHidden(BP, 'indexOf', function (value, byteOffset, encoding) {
    if (typeof value === 'number') return U8P.indexOf.call(this, value & 255, byteOffset);
    var needle = typeof value === 'string' ? encode(value, encoding) : viewBytes(value);
    var from = byteOffset === undefined ? 0 : byteOffset | 0;
    if (from < 0) from = Math.max(0, this.length + from);
    outer: for (var i = from; i + needle.length <= this.length; i++) {
      for (var j = 0; j < needle.length; j++) if (this[i + j] !== needle[j]) continue outer;
      return i;
    }
    return -1;
  });
  defineHidden(BP, 'includes', function (value, byteOffset, encoding) {
    return this.indexOf(value, byteOffset, encoding) !== -1;
  });
  function reader(size, big, signed) {
    return function (offset) {
      var o = offset === undefined ? 0 : offset;
      if (o < 0 || o + size > this.length) throw new RangeError('The value of "offset" is out of range. It must be >= 0 and <= ' + (this.length - size) + '. Received ' + o);
      var v = 0;
      for (var i = 0; i < size; i++) v = v * 256 + this[big ? o + i : o + size - 1 - i];
      if (signed && v >= Math.pow(2, 8 * size - 1)) v -= Math.pow(2, 8 * size);
      return v;
    };
  }
  function writer(size, big) {
    return function (value, offset) {
      var o = offset === undefined ? 0 : offset, v = Number(value);
      if (v < 0) v += Math.pow(2, 8 * size);
      for (var i = size - 1; i >= 0; i--) { this[big ? o + i : o + size - 1 - i] = v & 255; v = Math.floor(v / 256); }
      return o + size;
    };
  }
  var SIZES = { 8: 1, 16: 2, 32: 4 };
  Object.keys(SIZES).forEach(function (bits) {
    var n = SIZES[bits];
    ['BE', 'LE'].forEach(function (end) {
      var suffix = bits === '8' ? '' : end;
      if (bits === '8' && end === 'LE') return;
      defineHidden(BP, 'readUInt' + bits + suffix, reader(n, end === 'BE', false));
      defineHidden(BP, 'readUint' + bits + suffix, reader(n, end === 'BE', false));
      defineHidden(BP, 'readInt' + bits + suffix, reader(n, end === 'BE', true));
      defineHidden(BP, 'writeUInt' + bits + suffix, writer(n, end === 'BE'));
      defineHidden(BP, 'writeUint' + bits + suffix, writer(n, end === 'BE'));
      defineHidden(BP, 'writeInt' + bits + suffix, writer(n, end === 'BE'));
    });
  });

  // ---------------------------------------------------------------- TextEncoder / TextDecoder
  function TextEncoder() {}
  Object.defineProperty(TextEncoder.prototype, 'encoding', { get: function () { return 'utf-8'; } });
  TextEncoder.prototype.encode = function (input) {
    return native.utf8Encode(input === undefined ? '' : String(input));
  };
  TextEncoder.prototype.encodeInto = function (input, dest) {
    var bytes = native.utf8Encode(String(input));
    var n = Math.min(bytes.length, dest.length);
    dest.set(bytes.subarray(0, n));
    return { read: n === bytes.length ? input.length : native.utf8Decode(bytes.subarray(0, n)).length, written: n };
  };

  function TextDecoder(label, options) {
    var l = label === undefined ? 'utf-8' : String(label).toLowerCase().trim();
    if (l === 'utf8' || l === 'unicode-1-1-utf-8') l = 'utf-8';
    if (l === 'ascii' || l === 'us-ascii' || l === 'iso-8859-1' || l === 'latin1') l = 'windows-1252';
    if (l !== 'utf-8' && l !== 'windows-1252' && l !== 'utf-16le') {
      throw new RangeError('The "' + label + '" encoding is not supported');
    }
    defineHidden(this, '_encoding', l);
    defineHidden(this, '_fatal', !!(options && options.fatal));
    defineHidden(this, '_ignoreBOM', !!(options && options.ignoreBOM));
  }
  Object.defineProperty(TextDecoder.prototype, 'encoding', { get: function () { return this._encoding; } });
  Object.defineProperty(TextDecoder.prototype, 'fatal', { get: function () { return this._fatal; } });
  Object.defineProperty(TextDecoder.prototype, 'ignoreBOM', { get: function () { return this._ignoreBOM; } });
  TextDecoder.prototype.decode = function (input) {
    if (input === undefined) return '';
    var bytes;
    if (input instanceof ArrayBuffer) bytes = new Uint8Array(input);
    else if (isView(input)) bytes = viewBytes(input);
    else throw typeError('The "input" argument must be an instance of ArrayBuffer or ArrayBufferView.', 'ERR_INVALID_ARG_TYPE');
    var s;
    if (this._encoding === 'windows-1252') return native.latin1Decode(bytes);
    if (this._encoding === 'utf-16le') s = decode(bytes, 'utf16le');
    else {
      s = native.utf8Decode(bytes);
      if (this._fatal && s.indexOf('\uFFFD') >= 0 && native.hexEncode(native.utf8Encode(s)) !== native.hexEncode(bytes)) {
        throw typeError('The encoded data was not valid for encoding utf-8', 'ERR_ENCODING_INVALID_ENCODED_DATA');
      }
    }
    if (!this._ignoreBOM && s.charCodeAt(0) === 0xFEFF) s = s.slice(1);
    return s;
  };

  // ---------------------------------------------------------------- atob / btoa
  function atob(data) {
    if (arguments.length === 0) throw typeError('The "data" argument must be specified', 'ERR_MISSING_ARGS');
    var s = String(data).replace(/[\t\n\f\r ]/g, '');
    if (s.length % 4 === 0) s = s.replace(/==?$/, '');
    if (s.length % 4 === 1 || /[^A-Za-z0-9+/]/.test(s)) {
      throw new DOMException('Invalid character', 'InvalidCharacterError');
    }
    return native.latin1Decode(native.base64Decode(s));
  }
  function btoa(data) {
    if (arguments.length === 0) throw typeError('The "data" argument must be specified', 'ERR_MISSING_ARGS');
    var s = String(data);
    for (var i = 0; i < s.length; i++) {
      if (s.charCodeAt(i) > 255) throw new DOMException('Invalid character', 'InvalidCharacterError');
    }
    return native.base64Encode(native.latin1Encode(s), false);
  }

  // ---------------------------------------------------------------- structuredClone
  function structuredClone(value) {
    var seen = new Map();
    function clone(v) {
      if (v === null || (typeof v !== 'object' && typeof v !== 'function' && typeof v !== 'symbol')) return v;
      if (typeof v === 'function' || typeof v === 'symbol') {
        throw new DOMException(String(v) + ' could not be cloned.', 'DataCloneError');
      }
      if (seen.has(v)) return seen.get(v);
      var out, tag = Object.prototype.toString.call(v);
      if (tag === '[object Date]') out = new Date(v.getTime());
      else if (tag === '[object RegExp]') out = new RegExp(v.source, v.flags);
      else if (tag === '[object Boolean]' || tag === '[object Number]' || tag === '[object String]') out = Object(v.valueOf());
      else if (v instanceof ArrayBuffer) out = v.slice(0);
      else if (isView(v)) { out = new v.constructor(v); if (v instanceof Buffer) out = new Uint8Array(v); }
      else if (tag === '[object Map]') {
        out = new Map(); seen.set(v, out);
        v.forEach(function (val, key) { out.set(clone(key), clone(val)); });
        return out;
      } else if (tag === '[object Set]') {
        out = new Set(); seen.set(v, out);
        v.forEach(function (val) { out.add(clone(val)); });
        return out;
      } else if (v instanceof Error) {
        var Ctor = { EvalError: EvalError, RangeError: RangeError, ReferenceError: ReferenceError, SyntaxError: SyntaxError, TypeError: TypeError, URIError: URIError }[v.name] || Error;
        out = new Ctor(v.message);
        if (v.stack) out.stack = v.stack;
      } else if (Array.isArray(v)) {
        out = new Array(v.length); seen.set(v, out);
        for (var i = 0; i < v.length; i++) if (i in v) out[i] = clone(v[i]);
        return out;
      } else if (tag === '[object Promise]' || tag === '[object WeakMap]' || tag === '[object WeakSet]') {
        throw new DOMException('#<' + tag.slice(8, -1) + '> could not be cloned.', 'DataCloneError');
      } else {
        out = {}; seen.set(v, out);
        Object.keys(v).forEach(function (k) { out[k] = clone(v[k]); });
        return out;
      }
      seen.set(v, out);
      return out;
    }
    if (arguments.length === 0) throw typeError('The "value" argument must be specified', 'ERR_MISSING_ARGS');
    return clone(value);
  }

  // ---------------------------------------------------------------- Web crypto subset
  function getRandomValues(array) {
    if (!isView(array) || array instanceof Float32Array || array instanceof Float64Array || array instanceof DataView) {
      throw new DOMException("The data argument must be an integer-type TypedArray", 'TypeMismatchError');
    }
    if (array.byteLength > 65536) {
      throw new DOMException("The ArrayBufferView's byte length (" + array.byteLength + ') exceeds the number of bytes of entropy available via this API (65536)', 'QuotaExceededError');
    }
    viewBytes(array).set(native.randomBytes(array.byteLength));
    return array;
  }
  var webcrypto = {};
  defineHidden(webcrypto, 'getRandomValues', getRandomValues);
  defineHidden(webcrypto, 'randomUUID', function () { return native.randomUUID(); });

  return {
    errorPrototype: errorPrototype,
    DOMException: DOMException,
    Buffer: Buffer,
    wrapBuffer: wrap,
    encode: encode,
    decode: decode,
    TextEncoder: TextEncoder,
    TextDecoder: TextDecoder,
    atob: atob,
    btoa: btoa,
    structuredClone: structuredClone,
    crypto: webcrypto,
    getRandomValues: getRandomValues
  };
})
