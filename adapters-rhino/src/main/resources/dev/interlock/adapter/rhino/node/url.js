// URL, URLSearchParams and the `url` and `querystring` modules. ES5; no state outside instances.
(function (native, lib) {
  'use strict';

  function defineHidden(o, name, value) {
    Object.defineProperty(o, name, { value: value, writable: true, configurable: true, enumerable: false });
  }

  function invalidUrl(input) {
    var e = new TypeError('Invalid URL');
    e.code = 'ERR_INVALID_URL';
    e.input = input;
    return e;
  }

  var SPECIAL = { 'http:': 80, 'https:': 443, 'ws:': 80, 'wss:': 443, 'ftp:': 21, 'file:': null };

  function pctEncode(s, keep) {
    var clean = true;
    for (var k = 0; k < s.length && clean; k++) {
      var ch = s.charCodeAt(k);
      clean = ch > 0x20 && ch < 0x7f && keep.indexOf(s.charAt(k)) < 0;
    }
    if (clean) return s;
    var out = '';
    for (var i = 0; i < s.length; i++) {
      var c = s.charAt(i), code = s.charCodeAt(i);
      if (code > 0x20 && code < 0x7f && keep.indexOf(c) < 0) {
        out += c;
      } else if (code >= 0xd800 && code <= 0xdbff && i + 1 < s.length) {
        out += encodeURIComponent(s.charAt(i) + s.charAt(i + 1));
        i++;
      } else {
        try { out += encodeURIComponent(c); } catch (e) { out += '%EF%BF%BD'; }
      }
    }
    return out;
  }
  var PATH_ENC = '"<>`#?{} ';
  var QUERY_ENC = '"<># ';
  var SPECIAL_QUERY_ENC = '"<># \'';
  var FRAGMENT_ENC = '"<>` ';
  var USERINFO_ENC = '"<>`#?{}/:;=@[\\]^| ';

  function normalizePath(path, special) {
    if (special) path = path.replace(/\\/g, '/');
    var segments = path.split('/'), out = [];
    for (var i = 1; i < segments.length; i++) {
      var seg = segments[i], lower = seg.toLowerCase();
      if (lower === '..' || lower === '.%2e' || lower === '%2e.' || lower === '%2e%2e') {
        if (out.length) out.pop();
        if (i === segments.length - 1) out.push('');
      } else if (lower === '.' || lower === '%2e') {
        if (i === segments.length - 1) out.push('');
      } else {
        out.push(pctEncode(seg, PATH_ENC));
      }
    }
    return '/' + out.join('/');
  }

  function opaqueHost(host) {
    return pctEncode(host, '');
  }

  // host.js: the standard's host parser (IPv4 literals in every spelling, canonical IPv6).
  function parseHost(host, special) {
    return lib.urlHost.parse(host, special, opaqueHost);
  }

  // scheme, then //authority for special or explicit ones, path, ?query, #fragment.
  var ABSOLUTE = /^([a-zA-Z][a-zA-Z0-9+.\-]*):(.*)$/;

  function parse(input, base) {
    var s = String(input).replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
    var m = ABSOLUTE.exec(s), r = {};
    if (m) {
      r.protocol = m[1].toLowerCase() + ':';
      var rest = m[2];
      var special = r.protocol in SPECIAL;
      if (special) rest = rest.replace(/\\/g, '/');
      if (special && base && base.protocol === r.protocol && rest.charAt(0) !== '/') {
        return parse(rest, base);
      }
      if (rest.slice(0, 2) === '//' || (special && r.protocol !== 'file:')) {
        rest = r.protocol === 'file:' ? rest.slice(2) : rest.replace(/^\/*/, '');
        return authority(r, rest, special, input);
      }
      r.username = ''; r.password = ''; r.hostname = ''; r.port = '';
      r.opaque = true;
      return tail(r, rest, false);
    }
    if (!base) throw invalidUrl(input);
    var bSpecial = base.protocol in SPECIAL;
    if (bSpecial) s = s.replace(/\\/g, '/');
    r.protocol = base.protocol;
    if (s.slice(0, 2) === '//') return authority(r, s.slice(2), bSpecial, input);
    r.username = base.username; r.password = base.password; r.hostname = base.hostname; r.port = base.port;
    if (base.opaque) {
      if (s.charAt(0) !== '#') throw invalidUrl(input);
      r.opaque = true; r.pathname = base.pathname; r.search = base.search;
      return tail(r, s, false, true);
    }
    if (s === '') { r.pathname = base.pathname; r.search = base.search; r.hash = ''; return r; }
    if (s.charAt(0) === '?') { r.pathname = base.pathname; return tail(r, s, bSpecial, true); }
    if (s.charAt(0) === '#') { r.pathname = base.pathname; r.search = base.search; return tail(r, s, bSpecial, true); }
    if (s.charAt(0) !== '/') {
      var dir = base.pathname.slice(0, base.pathname.lastIndexOf('/') + 1);
      s = dir + s;
    }
    return tail(r, s, bSpecial);
  }

  function authority(r, rest, special, input) {
    var end = rest.search(special ? /[/?#\\]/ : /[/?#]/);
    var auth = end < 0 ? rest : rest.slice(0, end);
    var after = end < 0 ? '' : rest.slice(end);
    var at = auth.lastIndexOf('@');
    r.username = ''; r.password = '';
    if (at >= 0) {
      var info = auth.slice(0, at), colon = info.indexOf(':');
      r.username = pctEncode(colon < 0 ? info : info.slice(0, colon), USERINFO_ENC);
      r.password = colon < 0 ? '' : pctEncode(info.slice(colon + 1), USERINFO_ENC);
      auth = auth.slice(at + 1);
    }
    var pm = /^(\[[^\]]*\]|[^:]*)(?::(.*))?$/.exec(auth);
    var host = r.protocol === 'file:' && pm[1] === '' ? '' : parseHost(pm[1], special);
    if (host === null) throw invalidUrl(input);
    var port = pm[2] === undefined ? '' : pm[2];
    if (port !== '') {
      if (!/^\d+$/.test(port) || Number(port) > 65535) throw invalidUrl(input);
      port = String(Number(port));
      if (SPECIAL[r.protocol] === Number(port)) port = '';
    }
    r.hostname = host;
    r.port = port;
    return tail(r, after, special);
  }

  function tail(r, rest, special, keepPath) {
    var hashAt = rest.indexOf('#');
    r.hash = '';
    if (hashAt >= 0) {
      var frag = rest.slice(hashAt + 1);
      r.hash = frag === '' ? '' : '#' + pctEncode(frag, FRAGMENT_ENC);
      rest = rest.slice(0, hashAt);
    }
    var qAt = rest.indexOf('?');
    if (qAt >= 0) {
      var q = rest.slice(qAt + 1);
      r.search = q === '' ? '' : '?' + pctEncode(q, special ? SPECIAL_QUERY_ENC : QUERY_ENC);
      rest = rest.slice(0, qAt);
    } else if (!keepPath || r.search === undefined) {
      r.search = '';
    }
    if (!keepPath) {
      if (r.opaque) r.pathname = pctEncode(rest, '');
      else if (special) r.pathname = normalizePath(rest === '' ? '/' : rest.charAt(0) === '/' ? rest : '/' + rest, true);
      else r.pathname = rest === '' ? '' : normalizePath(rest, false);
    }
    return r;
  }

  function URL(url, base) {
    if (!(this instanceof URL)) throw new TypeError("Class constructor URL cannot be invoked without 'new'");
    if (arguments.length === 0) {
      var e = new TypeError('The "url" argument must be specified');
      e.code = 'ERR_MISSING_ARGS';
      throw e;
    }
    var b = base === undefined ? null : base instanceof URL ? base._r : parse(String(base), null);
    defineHidden(this, '_r', parse(url instanceof URL ? url.href : String(url), b));
    defineHidden(this, '_params', null);
  }

  URL.canParse = function (url, base) {
    try { new URL(url, base); return true; } catch (e) { return false; }
  };

  function host(r) {
    return r.hostname + (r.port === '' ? '' : ':' + r.port);
  }

  function href(r) {
    var out = r.protocol;
    if (!r.opaque) {
      out += '//';
      if (r.username || r.password) out += r.username + (r.password ? ':' + r.password : '') + '@';
      out += host(r);
    }
    return out + r.pathname + r.search + r.hash;
  }

  function accessor(name, get, set) {
    Object.defineProperty(URL.prototype, name, { get: get, set: set, enumerable: true, configurable: true });
  }

  function reparse(self, value) {
    var r = parse(value, null);
    self._r = r;
    if (self._params) self._params._replace(r.search);
  }

  accessor('href', function () { return href(this._r); }, function (v) { reparse(this, String(v)); });
  accessor('origin', function () {
    return this._r.protocol in SPECIAL && this._r.protocol !== 'file:' ? this._r.protocol + '//' + host(this._r) : 'null';
  });
  accessor('protocol', function () { return this._r.protocol; }, function (v) {
    var p = String(v).replace(/:.*$/, '').toLowerCase() + ':';
    if (/^[a-z][a-z0-9+.\-]*:$/.test(p) && ((p in SPECIAL) === (this._r.protocol in SPECIAL))) {
      this._r.protocol = p;
      if (SPECIAL[p] === Number(this._r.port)) this._r.port = '';
    }
  });
  accessor('username', function () { return this._r.username; }, function (v) { this._r.username = pctEncode(String(v), USERINFO_ENC); });
  accessor('password', function () { return this._r.password; }, function (v) { this._r.password = pctEncode(String(v), USERINFO_ENC); });
  accessor('host', function () { return host(this._r); }, function (v) {
    var m = /^([^:]*)(?::(\d*))?$/.exec(String(v));
    if (!m) return;
    var h = parseHost(m[1], this._r.protocol in SPECIAL);
    if (h === null) return;
    this._r.hostname = h;
    if (m[2] !== undefined && m[2] !== '') this.port = m[2];
  });
  accessor('hostname', function () { return this._r.hostname; }, function (v) {
    var h = parseHost(String(v), this._r.protocol in SPECIAL);
    if (h !== null) this._r.hostname = h;
  });
  accessor('port', function () { return this._r.port; }, function (v) {
    var s = String(v);
    if (s === '') { this._r.port = ''; return; }
    var m = /^\d+/.exec(s);
    if (!m || Number(m[0]) > 65535) return;
    this._r.port = SPECIAL[this._r.protocol] === Number(m[0]) ? '' : String(Number(m[0]));
  });
  accessor('pathname', function () { return this._r.pathname; }, function (v) {
    if (this._r.opaque) return;
    var s = String(v), special = this._r.protocol in SPECIAL;
    this._r.pathname = normalizePath(s.charAt(0) === '/' || (special && s.charAt(0) === '\\') ? s : '/' + s, special);
  });
  accessor('search', function () { return this._r.search.length > 1 ? this._r.search : ''; }, function (v) {
    var s = String(v);
    if (s.charAt(0) === '?') s = s.slice(1);
    this._r.search = s === '' ? '' : '?' + pctEncode(s, this._r.protocol in SPECIAL ? SPECIAL_QUERY_ENC : QUERY_ENC);
    if (this._params) this._params._replace(this._r.search);
  });
  accessor('searchParams', function () {
    if (!this._params) {
      this._params = new URLSearchParams(this._r.search);
      defineHidden(this._params, '_url', this);
    }
    return this._params;
  });
  accessor('hash', function () { return this._r.hash.length > 1 ? this._r.hash : ''; }, function (v) {
    var s = String(v);
    if (s.charAt(0) === '#') s = s.slice(1);
    this._r.hash = s === '' ? '' : '#' + pctEncode(s, FRAGMENT_ENC);
  });
  defineHidden(URL.prototype, 'toString', function () { return this.href; });
  defineHidden(URL.prototype, 'toJSON', function () { return this.href; });

  // ---------------------------------------------------------------- URLSearchParams
  function formEncode(s) {
    return encodeURIComponent(s).replace(/[!'()~]/g, function (c) {
      return '%' + c.charCodeAt(0).toString(16).toUpperCase();
    }).replace(/%20/g, '+');
  }

  function formDecode(s) {
    var t = s.replace(/\+/g, ' ');
    try { return decodeURIComponent(t); } catch (e) {
      return t.replace(/%([0-9a-fA-F]{2})/g, function (m, h) { return String.fromCharCode(parseInt(h, 16)); });
    }
  }

  function parsePairs(s) {
    var out = [];
    if (s.charAt(0) === '?') s = s.slice(1);
    s.split('&').forEach(function (part) {
      if (part === '') return;
      var eq = part.indexOf('=');
      out.push(eq < 0 ? [formDecode(part), ''] : [formDecode(part.slice(0, eq)), formDecode(part.slice(eq + 1))]);
    });
    return out;
  }

  function URLSearchParams(init) {
    if (!(this instanceof URLSearchParams)) throw new TypeError("Class constructor URLSearchParams cannot be invoked without 'new'");
    var list = [];
    if (init === undefined || init === null) {
      list = [];
    } else if (typeof init === 'object' && typeof init[Symbol.iterator] === 'function') {
      var it = init[Symbol.iterator](), step;
      while (!(step = it.next()).done) {
        var pair = Array.prototype.slice.call(step.value);
        if (pair.length !== 2) {
          var e = new TypeError('Each query pair must be an iterable [name, value] tuple');
          e.code = 'ERR_INVALID_TUPLE';
          throw e;
        }
        list.push([String(pair[0]), String(pair[1])]);
      }
    } else if (typeof init === 'object') {
      Object.keys(init).forEach(function (k) { list.push([k, String(init[k])]); });
    } else {
      list = parsePairs(String(init));
    }
    defineHidden(this, '_list', list);
    defineHidden(this, '_url', null);
  }

  var SP = URLSearchParams.prototype;
  function update(self) {
    if (self._url) {
      var s = self.toString();
      self._url._r.search = s === '' ? '' : '?' + s;
    }
  }
  defineHidden(SP, '_replace', function (search) {
    this._list = parsePairs(search || '');
  });
  defineHidden(SP, 'append', function (name, value) { this._list.push([String(name), String(value)]); update(this); });
  defineHidden(SP, 'delete', function (name, value) {
    var n = String(name);
    this._list = this._list.filter(function (p) { return !(p[0] === n && (value === undefined || p[1] === String(value))); });
    update(this);
  });
  defineHidden(SP, 'get', function (name) {
    var n = String(name);
    for (var i = 0; i < this._list.length; i++) if (this._list[i][0] === n) return this._list[i][1];
    return null;
  });
  defineHidden(SP, 'getAll', function (name) {
    var n = String(name);
    return this._list.filter(function (p) { return p[0] === n; }).map(function (p) { return p[1]; });
  });
  defineHidden(SP, 'has', function (name, value) {
    var n = String(name);
    return this._list.some(function (p) { return p[0] === n && (value === undefined || p[1] === String(value)); });
  });
  defineHidden(SP, 'set', function (name, value) {
    var n = String(name), v = String(value), found = false;
    this._list = this._list.filter(function (p) {
      if (p[0] !== n) return true;
      if (found) return false;
      found = true; p[1] = v; return true;
    });
    if (!found) this._list.push([n, v]);
    update(this);
  });
  defineHidden(SP, 'sort', function () {
    var indexed = this._list.map(function (p, i) { return [p, i]; });
    indexed.sort(function (a, b) { return a[0][0] < b[0][0] ? -1 : a[0][0] > b[0][0] ? 1 : a[1] - b[1]; });
    this._list = indexed.map(function (x) { return x[0]; });
    update(this);
  });
  defineHidden(SP, 'forEach', function (fn, thisArg) {
    for (var i = 0; i < this._list.length; i++) fn.call(thisArg, this._list[i][1], this._list[i][0], this);
  });
  defineHidden(SP, 'entries', function () { return this._list.map(function (p) { return [p[0], p[1]]; })[Symbol.iterator](); });
  defineHidden(SP, 'keys', function () { return this._list.map(function (p) { return p[0]; })[Symbol.iterator](); });
  defineHidden(SP, 'values', function () { return this._list.map(function (p) { return p[1]; })[Symbol.iterator](); });
  defineHidden(SP, Symbol.iterator, SP.entries);
  Object.defineProperty(SP, 'size', { get: function () { return this._list.length; } });
  defineHidden(SP, 'toString', function () {
    return this._list.map(function (p) { return formEncode(p[0]) + '=' + formEncode(p[1]); }).join('&');
  });

  return { URL: URL, URLSearchParams: URLSearchParams };
})
