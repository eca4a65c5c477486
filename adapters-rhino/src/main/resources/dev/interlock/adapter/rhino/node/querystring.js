// The `querystring` module and the `url` module (WHATWG URL plus the legacy parse/format/resolve).
// ES5; no state outside the objects it returns.
(function (native, lib) {
  'use strict';
  var URL = lib.URL, URLSearchParams = lib.URLSearchParams;
  var SPECIAL = { 'http:': 80, 'https:': 443, 'ws:': 80, 'wss:': 443, 'ftp:': 21, 'file:': null };

  // ---------------------------------------------------------------- querystring
  function qsEscape(s) {
    return pctEncodeLenient(String(s));
  }
  function pctEncodeLenient(s) {
    try { return encodeURIComponent(s); } catch (e) {
      var e2 = new URIError('URI malformed');
      e2.code = 'ERR_INVALID_URI';
      throw e2;
    }
  }
  function qsUnescape(s) {
    try { return decodeURIComponent(s); } catch (e) {
      return s.replace(/%([0-9a-fA-F]{2})/g, function (m, h) { return String.fromCharCode(parseInt(h, 16)); });
    }
  }
  function qsValue(v) {
    if (typeof v === 'string') return v;
    if ((typeof v === 'number' && isFinite(v)) || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
    return '';
  }
  function qsStringify(obj, sep, eq) {
    sep = sep || '&'; eq = eq || '=';
    if (obj === null || typeof obj !== 'object') return '';
    var parts = [];
    Object.keys(obj).forEach(function (k) {
      var v = obj[k], ks = qsEscape(qsValue(k));
      if (Array.isArray(v)) v.forEach(function (x) { parts.push(ks + eq + qsEscape(qsValue(x))); });
      else parts.push(ks + eq + qsEscape(qsValue(v)));
    });
    return parts.join(sep);
  }
  function qsParse(str, sep, eq) {
    sep = sep || '&'; eq = eq || '=';
    var out = Object.create(null);
    if (typeof str !== 'string' || str === '') return out;
    str.split(sep).forEach(function (part) {
      if (part === '') return;
      var i = part.indexOf(eq);
      var k = qsUnescape((i < 0 ? part : part.slice(0, i)).replace(/\+/g, ' '));
      var v = i < 0 ? '' : qsUnescape(part.slice(i + eq.length).replace(/\+/g, ' '));
      if (k in out) {
        if (Array.isArray(out[k])) out[k].push(v); else out[k] = [out[k], v];
      } else {
        out[k] = v;
      }
    });
    return out;
  }
  var querystring = {
    parse: qsParse, decode: qsParse, stringify: qsStringify, encode: qsStringify, escape: qsEscape, unescape: qsUnescape
  };

  // ---------------------------------------------------------------- legacy url.parse / format / resolve
  function legacyParse(str, parseQuery) {
    var u = { protocol: null, slashes: null, auth: null, host: null, port: null, hostname: null, hash: null,
      search: null, query: null, pathname: null, path: null, href: String(str) };
    var s = String(str).trim(), m;
    var hashAt = s.indexOf('#');
    if (hashAt >= 0) { u.hash = s.slice(hashAt); s = s.slice(0, hashAt); }
    var qAt = s.indexOf('?');
    if (qAt >= 0) { u.search = s.slice(qAt); u.query = s.slice(qAt + 1); s = s.slice(0, qAt); }
    else if (parseQuery) { u.search = ''; }
    if ((m = /^([a-zA-Z][a-zA-Z0-9+.\-]*:)/.exec(s))) { u.protocol = m[1].toLowerCase(); s = s.slice(m[1].length); }
    if (s.slice(0, 2) === '//') {
      u.slashes = true;
      s = s.slice(2);
      var end = s.search(/[/]/), auth = end < 0 ? s : s.slice(0, end);
      s = end < 0 ? '' : s.slice(end);
      var at = auth.lastIndexOf('@');
      if (at >= 0) { u.auth = qsUnescape(auth.slice(0, at)); auth = auth.slice(at + 1); }
      u.host = auth.toLowerCase();
      var pm = /^(.*?)(?::(\d*))?$/.exec(u.host);
      u.hostname = pm[1];
      u.port = pm[2] || null;
      if (s === '' && u.protocol in SPECIAL) s = '/';
    }
    u.pathname = s === '' ? null : s;
    u.path = (u.pathname || '') + (u.search || '') || null;
    if (parseQuery) u.query = qsParse(u.query || '');
    u.href = legacyFormat(u);
    return u;
  }
  function legacyFormat(u) {
    if (typeof u === 'string') u = legacyParse(u);
    if (u instanceof URL) return u.href;
    var protocol = u.protocol || '', host = '';
    if (protocol && protocol.slice(-1) !== ':') protocol += ':';
    if (u.host) host = u.host;
    else if (u.hostname) host = u.hostname + (u.port ? ':' + u.port : '');
    var auth = u.auth ? encodeURIComponent(u.auth).replace(/%3A/i, ':') + '@' : '';
    var search = u.search || (u.query && typeof u.query === 'object' && Object.keys(u.query).length ? '?' + qsStringify(u.query) : u.query && typeof u.query === 'string' ? '?' + u.query : '');
    if (search && search.charAt(0) !== '?') search = '?' + search;
    var pathname = u.pathname || '';
    var slashes = u.slashes || protocol in SPECIAL || (host && !protocol);
    if (slashes || host) {
      if (pathname && pathname.charAt(0) !== '/') pathname = '/' + pathname;
      host = '//' + auth + host;
    }
    var hash = u.hash || '';
    if (hash && hash.charAt(0) !== '#') hash = '#' + hash;
    return protocol + host + pathname + search + hash;
  }
  function legacyResolve(from, to) {
    return new URL(to, new URL(from, 'resolve://')).href.replace(/^resolve:\/\/\/?/, '/');
  }

  var urlModule = {
    URL: URL,
    URLSearchParams: URLSearchParams,
    parse: legacyParse,
    format: function (u) { return legacyFormat(u); },
    resolve: function (from, to) {
      try { return new URL(to, from).href; } catch (e) { return legacyResolve(from, to); }
    },
    domainToASCII: function (d) { return String(d).toLowerCase(); }
  };

  return { querystring: querystring, url: urlModule };
})
