// The `axios` package on the same host HTTP functions as fetch (see http.js). ES5; the shared
// instance is sealed with the scope, so executions configure their own with axios.create().
(function (native, lib) {
  'use strict';
  var Buffer = lib.Buffer, URLSearchParams = lib.URLSearchParams, Headers = lib.Headers;
  var send = lib.httpSend, bodyBytes = lib.bodyBytes;

  function defineHidden(o, name, value) {
    Object.defineProperty(o, name, { value: value, writable: true, configurable: true, enumerable: false });
  }

  function AxiosError(message, code, config, response) {
    var e = new Error(message);
    Object.setPrototypeOf(e, AxiosError.prototype);
    e.name = 'AxiosError';
    e.code = code;
    e.config = config;
    e.request = {};
    if (response) { e.response = response; e.status = response.status; }
    e.isAxiosError = true;
    defineHidden(e, 'toJSON', function () {
      return { message: e.message, name: e.name, code: e.code, status: e.status };
    });
    return e;
  }
  AxiosError.prototype = lib.errorPrototype(Error);
  AxiosError.prototype.constructor = AxiosError;

  function merge(a, b) {
    var out = {};
    [a || {}, b || {}].forEach(function (o) {
      Object.keys(o).forEach(function (k) {
        if (k === 'headers') out.headers = Object.assign({}, out.headers, o.headers);
        else out[k] = o[k];
      });
    });
    return out;
  }

  function buildUrl(config) {
    var url = config.url || '';
    if (config.baseURL && !/^[a-z][a-z0-9+.\-]*:\/\//i.test(url)) {
      url = url ? config.baseURL.replace(/\/+$/, '') + '/' + url.replace(/^\/+/, '') : config.baseURL;
    }
    var params = config.params;
    if (params) {
      var qs = params instanceof URLSearchParams ? params.toString() : Object.keys(params).filter(function (k) {
        return params[k] !== undefined && params[k] !== null;
      }).map(function (k) {
        var v = params[k];
        var vs = Array.isArray(v) ? v : [v];
        return vs.map(function (x) {
          var s = x instanceof Date ? x.toISOString() : typeof x === 'object' ? JSON.stringify(x) : String(x);
          return encodeURIComponent(k) + (Array.isArray(v) ? '[]' : '') + '=' + encodeURIComponent(s);
        }).join('&');
      }).join('&');
      if (qs) url += (url.indexOf('?') >= 0 ? '&' : '?') + qs;
    }
    return url;
  }

  function axiosRequest(defaults, interceptors, config) {
    config = merge(defaults, config);
    config.method = String(config.method || 'get').toLowerCase();
    var chain = Promise.resolve(config);
    interceptors.request._list.forEach(function (i) { chain = chain.then(i.fulfilled, i.rejected); });
    chain = chain.then(dispatch);
    interceptors.response._list.forEach(function (i) { chain = chain.then(i.fulfilled, i.rejected); });
    return chain;
  }

  function dispatch(config) {
    var headers = new Headers();
    headers.set('accept', 'application/json, text/plain, */*');
    var h = config.headers || {};
    Object.keys(h).forEach(function (k) {
      var m = k.toLowerCase();
      if (['common', 'get', 'post', 'put', 'patch', 'delete', 'head', 'options'].indexOf(m) >= 0) return;
      if (h[k] !== undefined && h[k] !== null && h[k] !== false) headers.set(k, h[k]);
    });
    var data = config.data, body = null;
    if (data !== undefined && data !== null) {
      if (typeof data === 'string') {
        body = native.utf8Encode(data);
        if (!headers.has('content-type')) headers.set('content-type', 'application/x-www-form-urlencoded');
      } else if (data instanceof URLSearchParams) {
        body = native.utf8Encode(data.toString());
        if (!headers.has('content-type')) headers.set('content-type', 'application/x-www-form-urlencoded;charset=utf-8');
      } else if (ArrayBuffer.isView(data) || data instanceof ArrayBuffer) {
        body = bodyBytes(data);
      } else {
        var ct = headers.get('content-type');
        if (ct && ct.indexOf('application/x-www-form-urlencoded') >= 0) {
          body = native.utf8Encode(new URLSearchParams(data).toString());
        } else {
          body = native.utf8Encode(JSON.stringify(data));
          if (!ct) headers.set('content-type', 'application/json');
        }
      }
    }
    if (config.auth) {
      headers.set('authorization', 'Basic ' + lib.btoa(unescape(encodeURIComponent((config.auth.username || '') + ':' + (config.auth.password || '')))));
    }
    var url = buildUrl(config);
    var href;
    try { href = new lib.URL(url).href; } catch (e) { return Promise.reject(new AxiosError('Invalid URL', 'ERR_INVALID_URL', config)); }
    if (config.signal && config.signal.aborted) return Promise.reject(new AxiosError('canceled', 'ERR_CANCELED', config));
    var redirect = config.maxRedirects === 0 ? 'manual' : 'follow';
    return send(config.method.toUpperCase(), href, headers, body, config.signal, config.timeout || 0, redirect).then(function (result) {
      return settle(config, result);
    });
  }

  function settle(config, result) {
    if (result.aborted) return Promise.reject(new AxiosError('canceled', 'ERR_CANCELED', config));
    if (result.error !== undefined) {
      if (result.code === 'TIMEOUT') {
        var t = config.timeout ? 'timeout of ' + config.timeout + 'ms exceeded' : 'timeout exceeded';
        return Promise.reject(new AxiosError(t, 'ECONNABORTED', config));
      }
      return Promise.reject(new AxiosError(result.error, result.code === 'EGRESS_DENIED' ? 'EGRESS_DENIED' : 'ERR_NETWORK', config));
    }
    var responseHeaders = {};
    for (var i = 0; i + 1 < result.headers.length; i += 2) responseHeaders[result.headers[i]] = result.headers[i + 1];
    var text = native.utf8Decode(result.body), payload = text;
    var type = config.responseType || 'json';
    if (type === 'arraybuffer') payload = Buffer.from(result.body);
    else if (type === 'json' && text !== '') {
      try { payload = JSON.parse(text); } catch (e) { payload = text; }
    }
    var response = { data: payload, status: result.status, statusText: result.statusText, headers: responseHeaders,
      config: config, request: { responseURL: result.url } };
    var validate = config.validateStatus === undefined ? function (s) { return s >= 200 && s < 300; } : config.validateStatus;
    if (!validate || validate(result.status)) return Promise.resolve(response);
    return Promise.reject(new AxiosError('Request failed with status code ' + result.status,
      result.status >= 500 ? 'ERR_BAD_RESPONSE' : 'ERR_BAD_REQUEST', config, response));
  }

  function Interceptors() { defineHidden(this, '_list', []); }
  defineHidden(Interceptors.prototype, 'use', function (fulfilled, rejected) {
    this._list.push({ fulfilled: fulfilled, rejected: rejected });
    return this._list.length - 1;
  });
  defineHidden(Interceptors.prototype, 'eject', function (id) { this._list[id] = { fulfilled: undefined, rejected: undefined }; });
  defineHidden(Interceptors.prototype, 'clear', function () { this._list.length = 0; });

  /** An axios instance; `shared` instances (the module export) keep their defaults read-only. */
  function createInstance(defaults, shared) {
    var interceptors = { request: new Interceptors(), response: new Interceptors() };
    function instance(urlOrConfig, config) {
      if (typeof urlOrConfig === 'string') return axiosRequest(instance.defaults, interceptors, merge(config, { url: urlOrConfig }));
      return axiosRequest(instance.defaults, interceptors, urlOrConfig);
    }
    instance.defaults = defaults;
    instance.interceptors = interceptors;
    instance.request = function (config) { return instance(config); };
    ['get', 'delete', 'head', 'options'].forEach(function (m) {
      instance[m] = function (url, config) { return instance(merge(config, { url: url, method: m })); };
    });
    ['post', 'put', 'patch'].forEach(function (m) {
      instance[m] = function (url, data, config) { return instance(merge(config, { url: url, method: m, data: data })); };
    });
    instance.create = function (config) { return createInstance(merge(defaults, config), false); };
    instance.isAxiosError = function (e) { return !!(e && e.isAxiosError); };
    instance.AxiosError = AxiosError;
    instance.AxiosHeaders = Headers;
    instance.all = function (list) { return Promise.all(list); };
    instance.spread = function (fn) { return function (arr) { return fn.apply(null, arr); }; };
    instance.isCancel = function (e) { return !!(e && e.code === 'ERR_CANCELED'); };
    if (shared) instance['default'] = instance;
    return instance;
  }
  var axios = createInstance({ headers: {}, timeout: 0 }, true);

  return { axios: axios, $sharedAxios: [Interceptors.prototype] };
})
