// fetch (Headers, Response, AbortController, AbortSignal) on the host's
// HTTP functions (egress policy and limits are enforced there). A request is sent at once; the
// host calls back with its response (or failure, timeout, abort) without blocking the engine
// thread meanwhile. Requests started together run concurrently. ES5; no shared state.
(function (native, lib) {
  'use strict';
  var Buffer = lib.Buffer, DOMException = lib.DOMException, URLSearchParams = lib.URLSearchParams;

  function defineHidden(o, name, value) {
    Object.defineProperty(o, name, { value: value, writable: true, configurable: true, enumerable: false });
  }

  // ---------------------------------------------------------------- AbortController / AbortSignal
  function AbortSignal() {
    throw new TypeError('Illegal constructor');
  }
  function newSignal() {
    var s = Object.create(AbortSignal.prototype);
    defineHidden(s, '_aborted', false);
    defineHidden(s, '_reason', undefined);
    defineHidden(s, '_timeoutAt', 0);
    defineHidden(s, '_listeners', []);
    defineHidden(s, 'onabort', null);
    return s;
  }
  function timedOut(s) {
    if (!s._aborted && s._timeoutAt && Date.now() >= s._timeoutAt) {
      s._aborted = true;
      s._reason = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    }
    return s._aborted;
  }
  function abortSignal(s, reason) {
    if (timedOut(s)) return;
    s._aborted = true;
    s._reason = reason === undefined ? new DOMException('This operation was aborted', 'AbortError') : reason;
    var event = { type: 'abort', target: s };
    if (typeof s.onabort === 'function') s.onabort(event);
    s._listeners.slice().forEach(function (fn) { fn.call(s, event); });
  }
  Object.defineProperty(AbortSignal.prototype, 'aborted', { get: function () { return timedOut(this); } });
  Object.defineProperty(AbortSignal.prototype, 'reason', { get: function () { timedOut(this); return this._reason; } });
  defineHidden(AbortSignal.prototype, 'throwIfAborted', function () { if (timedOut(this)) throw this._reason; });
  defineHidden(AbortSignal.prototype, 'addEventListener', function (type, fn) {
    if (type === 'abort' && typeof fn === 'function') this._listeners.push(fn);
  });
  defineHidden(AbortSignal.prototype, 'removeEventListener', function (type, fn) {
    var i = this._listeners.indexOf(fn);
    if (i >= 0) this._listeners.splice(i, 1);
  });
  AbortSignal.abort = function (reason) { var s = newSignal(); abortSignal(s, reason); return s; };
  // The timeout is checked when the signal is read and passed to the host call as its timeout;
  // no timer keeps the execution waiting.
  AbortSignal.timeout = function (ms) {
    var s = newSignal();
    s._timeoutAt = Date.now() + Number(ms);
    return s;
  };
  AbortSignal.any = function (signals) {
    var s = newSignal();
    signals.forEach(function (x) {
      if (x.aborted && !s._aborted) abortSignal(s, x.reason);
      if (x._timeoutAt && (!s._timeoutAt || x._timeoutAt < s._timeoutAt)) s._timeoutAt = x._timeoutAt;
      x.addEventListener('abort', function () { abortSignal(s, x.reason); });
    });
    return s;
  };

  function AbortController() {
    defineHidden(this, '_signal', newSignal());
  }
  Object.defineProperty(AbortController.prototype, 'signal', { get: function () { return this._signal; } });
  defineHidden(AbortController.prototype, 'abort', function (reason) { abortSignal(this._signal, reason); });

  // ---------------------------------------------------------------- Headers
  function Headers(init) {
    defineHidden(this, '_map', {});
    var self = this;
    if (init instanceof Headers) init.forEach(function (v, k) { self.append(k, v); });
    else if (Array.isArray(init)) init.forEach(function (p) { self.append(p[0], p[1]); });
    else if (init && typeof init === 'object') Object.keys(init).forEach(function (k) { self.append(k, init[k]); });
  }
  function headerName(name) {
    var n = String(name).toLowerCase();
    if (!/^[!#$%&'*+\-.^_`|~0-9a-z]+$/.test(n)) throw new TypeError('Headers.append: "' + name + '" is an invalid header name.');
    return n;
  }
  var HP = Headers.prototype;
  defineHidden(HP, 'append', function (name, value) {
    var n = headerName(name), v = String(value).trim();
    this._map[n] = Object.prototype.hasOwnProperty.call(this._map, n) ? this._map[n] + ', ' + v : v;
  });
  defineHidden(HP, 'set', function (name, value) { this._map[headerName(name)] = String(value).trim(); });
  defineHidden(HP, 'get', function (name) {
    var n = headerName(name);
    return Object.prototype.hasOwnProperty.call(this._map, n) ? this._map[n] : null;
  });
  defineHidden(HP, 'has', function (name) { return Object.prototype.hasOwnProperty.call(this._map, headerName(name)); });
  defineHidden(HP, 'delete', function (name) { delete this._map[headerName(name)]; });
  defineHidden(HP, 'forEach', function (fn, thisArg) {
    var self = this;
    Object.keys(this._map).sort().forEach(function (k) { fn.call(thisArg, self._map[k], k, self); });
  });
  defineHidden(HP, 'entries', function () {
    var self = this;
    return Object.keys(this._map).sort().map(function (k) { return [k, self._map[k]]; })[Symbol.iterator]();
  });
  defineHidden(HP, 'keys', function () { return Object.keys(this._map).sort()[Symbol.iterator](); });
  defineHidden(HP, 'values', function () {
    var self = this;
    return Object.keys(this._map).sort().map(function (k) { return self._map[k]; })[Symbol.iterator]();
  });
  defineHidden(HP, Symbol.iterator, HP.entries);
  defineHidden(HP, 'getSetCookie', function () { var c = this.get('set-cookie'); return c === null ? [] : [c]; });

  // ---------------------------------------------------------------- Response
  function bodyBytes(body) {
    if (body === undefined || body === null) return null;
    if (typeof body === 'string') return native.utf8Encode(body);
    if (body instanceof URLSearchParams) return native.utf8Encode(body.toString());
    if (body instanceof ArrayBuffer) return new Uint8Array(body);
    if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
    return native.utf8Encode(String(body));
  }
  function bodyType(body) {
    if (typeof body === 'string') return 'text/plain;charset=UTF-8';
    if (body instanceof URLSearchParams) return 'application/x-www-form-urlencoded;charset=UTF-8';
    return null;
  }

  function Response(body, init) {
    init = init || {};
    var status = init.status === undefined ? 200 : init.status;
    if (status < 200 || status > 599) throw new RangeError('init["status"] must be in the range of 200 to 599, inclusive.');
    defineHidden(this, '_bytes', bodyBytes(body) || new Uint8Array(0));
    defineHidden(this, '_used', false);
    defineHidden(this, '_status', status);
    defineHidden(this, '_statusText', init.statusText === undefined ? '' : String(init.statusText));
    defineHidden(this, '_headers', new Headers(init.headers));
    defineHidden(this, '_url', '');
    defineHidden(this, '_redirected', false);
    var type = bodyType(body);
    if (type && !this._headers.has('content-type')) this._headers.set('content-type', type);
  }
  var RP = Response.prototype;
  Object.defineProperty(RP, 'status', { get: function () { return this._status; } });
  Object.defineProperty(RP, 'statusText', { get: function () { return this._statusText; } });
  Object.defineProperty(RP, 'ok', { get: function () { return this._status >= 200 && this._status <= 299; } });
  Object.defineProperty(RP, 'headers', { get: function () { return this._headers; } });
  Object.defineProperty(RP, 'url', { get: function () { return this._url; } });
  Object.defineProperty(RP, 'redirected', { get: function () { return this._redirected; } });
  Object.defineProperty(RP, 'bodyUsed', { get: function () { return this._used; } });
  Object.defineProperty(RP, 'type', { get: function () { return 'basic'; } });
  function consume(self) {
    if (self._used) return Promise.reject(new TypeError('Body is unusable: Body has already been read'));
    self._used = true;
    return Promise.resolve(self._bytes);
  }
  defineHidden(RP, 'text', function () { return consume(this).then(function (b) { return native.utf8Decode(b); }); });
  defineHidden(RP, 'json', function () { return consume(this).then(function (b) { return JSON.parse(native.utf8Decode(b)); }); });
  defineHidden(RP, 'arrayBuffer', function () {
    return consume(this).then(function (b) { return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength); });
  });
  defineHidden(RP, 'bytes', function () { return consume(this).then(function (b) { return new Uint8Array(b); }); });
  defineHidden(RP, 'clone', function () {
    if (this._used) throw new TypeError('Response.clone: Body has already been consumed.');
    var c = new Response(new Uint8Array(this._bytes), { status: this._status, statusText: this._statusText, headers: this._headers });
    c._url = this._url;
    c._redirected = this._redirected;
    return c;
  });
  Response.json = function (data, init) {
    var r = new Response(JSON.stringify(data), init);
    r._headers.set('content-type', 'application/json');
    return r;
  };
  Response.error = function () { var r = new Response(null, { status: 200 }); r._status = 0; return r; };

  // ---------------------------------------------------------------- fetch
  function fetchError(result) {
    var e = new TypeError('fetch failed: ' + result.error);
    e.code = result.code;
    e.cause = { code: result.code, message: result.error };
    return e;
  }

  /**
   * Starts one host request and returns a promise of its raw result ({status, headers, body, ...},
   * {error, code} or {aborted: true}). The host calls back when the response is in; until then the
   * execution holds no engine thread, and requests started together are in flight together.
   */
  function send(method, url, headers, body, signal, timeoutMs, redirect) {
    var flat = [];
    headers.forEach(function (v, k) { flat.push(k, v); });
    var timeout = timeoutMs > 0 ? timeoutMs : -1;
    if (signal && signal._timeoutAt) {
      var left = Math.max(1, signal._timeoutAt - Date.now());
      timeout = timeout > 0 ? Math.min(timeout, left) : left;
    }
    var handle = native.httpStart(method, url, flat, body, timeout, redirect || 'follow');
    return new Promise(function (resolve) {
      var done = false;
      function onAbort() {
        native.httpCancel(handle);
        finish({ aborted: true });
      }
      function finish(result) {
        if (done) return;
        done = true;
        if (signal) signal.removeEventListener('abort', onAbort);
        resolve(result);
      }
      if (signal) {
        if (signal.aborted) { onAbort(); return; }
        signal.addEventListener('abort', onAbort);
      }
      native.httpAwait(handle, finish);
    });
  }

  function fetch(input, init) {
    var signal;
    try {
      init = init || {};
      var url = typeof input === 'string' ? input : input && typeof input.href === 'string' ? input.href
        : input && typeof input.url === 'string' ? input.url : String(input);
      var href;
      try { href = new lib.URL(url).href; } catch (e) { var err = new TypeError('Failed to parse URL from ' + url); err.cause = e; throw err; }
      var method = String(init.method || (input && input.method) || 'GET').toUpperCase();
      var headers = new Headers(init.headers || (input && input.headers));
      var body = init.body;
      if (body !== undefined && body !== null && (method === 'GET' || method === 'HEAD')) {
        throw new TypeError('Request with GET/HEAD method cannot have body.');
      }
      var type = bodyType(body);
      if (type && !headers.has('content-type')) headers.set('content-type', type);
      signal = init.signal;
      if (signal && signal.aborted) throw signal.reason;
      return send(method, href, headers, bodyBytes(body), signal, 0, init.redirect).then(function (result) {
        if (result.aborted) throw signal.reason;
        if (result.error !== undefined) {
          if (result.code === 'TIMEOUT' && signal && signal._timeoutAt) throw signal.reason || new DOMException('The operation was aborted due to timeout', 'TimeoutError');
          throw fetchError(result);
        }
        var response = new Response(null, { status: 200, statusText: result.statusText });
        response._bytes = result.body;
        response._status = result.status;
        var h = new Headers();
        for (var i = 0; i + 1 < result.headers.length; i += 2) h.append(result.headers[i], result.headers[i + 1]);
        response._headers = h;
        response._url = result.url;
        response._redirected = result.redirected;
        return response;
      });
    } catch (e) {
      return Promise.reject(e);
    }
  }

  return {
    fetch: fetch,
    Headers: Headers,
    Response: Response,
    AbortController: AbortController,
    AbortSignal: AbortSignal,
    httpSend: send,
    bodyBytes: bodyBytes
  };
})
