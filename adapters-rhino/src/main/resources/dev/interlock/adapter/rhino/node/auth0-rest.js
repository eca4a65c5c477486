// The REST plumbing of the `auth0` module (auth0.js): requests on fetch, so the egress policy and
// limits apply, failures as node-auth0's errors, and the version the action declared. ES5; no
// shared state.
(function (native, lib) {
  'use strict';
  var fetch = lib.fetch;

  /** True when the action declares auth0 below 4: version 3's methods and result shapes. */
  function legacy() {
    var m = /(\d+)/.exec(native.dependencyVersion('auth0') || '');
    return m !== null && Number(m[1]) < 4;
  }

  function baseUrl(options, who) {
    if (!options || typeof options.domain !== 'string' || options.domain === '') {
      throw new TypeError(who + ': the "domain" option is required (the tenant host, e.g. "example.us.auth0.com")');
    }
    return 'https://' + options.domain.replace(/^https?:\/\//, '').replace(/\/+$/, '');
  }

  function apiError(name, res, data, text) {
    var body = data !== null && typeof data === 'object' ? data : {};
    var message = body.message || body.error_description || body.error || text || res.statusText || ('HTTP ' + res.status);
    var e = new Error(message);
    if (legacy()) {
      e.name = body.error || 'APIError';
    } else {
      e.name = name;
      e.error = body.error;
      e.errorCode = body.errorCode;
      e.error_description = body.error_description;
      e.headers = res.headers;
      e.body = text;
    }
    e.statusCode = res.status;
    return e;
  }

  function query(params, skip) {
    var parts = [];
    Object.keys(params || {}).forEach(function (k) {
      var v = params[k];
      if (skip.indexOf(k) >= 0 || v === undefined || v === null || typeof v === 'function') return;
      (Array.isArray(v) ? v : [v]).forEach(function (x) { parts.push(encodeURIComponent(k) + '=' + encodeURIComponent(String(x))); });
    });
    return parts.length ? '?' + parts.join('&') : '';
  }

  function send(errorName, url, method, headers, body) {
    var init = { method: method, headers: headers };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(url, init).then(function (res) {
      return res.text().then(function (text) {
        var data = text;
        if (text !== '') {
          try { data = JSON.parse(text); } catch (e) { data = text; }
        } else {
          data = undefined;
        }
        if (!res.ok) throw apiError(errorName, res, data, text);
        return { data: data, headers: res.headers, status: res.status, statusText: res.statusText };
      });
    });
  }

  /** v3 style: the data itself, and a node-style callback when the last argument is a function. */
  function finish(promise, args) {
    var cb = args.length > 0 && typeof args[args.length - 1] === 'function' ? args[args.length - 1] : null;
    if (legacy() || cb) promise = promise.then(function (r) { return r.data; });
    if (!cb) return promise;
    promise.then(function (data) { cb(null, data); }, function (err) { cb(err); });
    return undefined;
  }

  function required(params, name, method) {
    if (!params || params[name] === undefined || params[name] === null || params[name] === '') {
      throw new TypeError(method + ': the "' + name + '" parameter is required');
    }
    return encodeURIComponent(String(params[name]));
  }

  return { auth0Rest: { legacy: legacy, baseUrl: baseUrl, query: query, send: send, finish: finish, required: required } };
});
