// The `auth0` package (node-auth0) for the calls Actions make: ManagementClient (Management API v2
// under https://<domain>/api/v2, token by client credentials or given) and AuthenticationClient
// (token grants, sign-up, user info), on fetch, so the egress policy and limits apply. Results have
// version 4's shape ({data, headers, status, statusText}; failures are ManagementApiError /
// AuthApiError) unless the action declares auth0 below 4 as a dependency: then version 3's (the
// result itself; an optional node-style callback; v3's flat methods such as updateAppMetadata are
// there in both). ES5; every client is the script's own object, so executions share no state.
(function (native, lib) {
  'use strict';
  var fetch = lib.fetch;

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
      if (skip.indexOf(k) >= 0 || v === undefined || v === null) return;
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

  // ---------------------------------------------------------------- ManagementClient
  function ManagementClient(options) {
    if (!(this instanceof ManagementClient)) throw new TypeError("Class constructor ManagementClient cannot be invoked without 'new'");
    var base = baseUrl(options, 'ManagementClient');
    if (!options.token && !(options.clientId && options.clientSecret)) {
      throw new TypeError('ManagementClient: give either "token" or "clientId" and "clientSecret"');
    }
    var client = this;
    var token = options.token ? Promise.resolve(options.token) : null;
    function accessToken() {
      if (token === null) {
        token = send('ManagementApiError', base + '/oauth/token', 'POST', {}, {
          grant_type: 'client_credentials', client_id: options.clientId, client_secret: options.clientSecret,
          audience: options.audience || base + '/api/v2/'
        }).then(function (r) { return r.data.access_token; }, function (e) { token = null; throw e; });
      }
      return token;
    }
    function call(method, path, body) {
      return accessToken().then(function (t) {
        return send('ManagementApiError', base + '/api/v2' + path, method, { Authorization: 'Bearer ' + t, Accept: 'application/json' }, body);
      });
    }
    // name(params, [data], [callback]) -> the request; `make` builds method, path and body from the arguments.
    function endpoint(name, make) {
      return function () {
        var args = Array.prototype.slice.call(arguments);
        var r;
        try {
          r = make.apply(null, args);
        } catch (e) {
          return finish(Promise.reject(e), args);
        }
        return finish(call(r[0], r[1], r[2]), args);
      };
    }
    function id(p, m) { return required(p, 'id', m); }
    var users = {
      getAll: endpoint('users.getAll', function (p) { return ['GET', '/users' + query(p, [])]; }),
      get: endpoint('users.get', function (p) { return ['GET', '/users/' + id(p, 'users.get') + query(p, ['id'])]; }),
      create: endpoint('users.create', function (d) { return ['POST', '/users', d]; }),
      update: endpoint('users.update', function (p, d) { return ['PATCH', '/users/' + id(p, 'users.update'), d]; }),
      delete: endpoint('users.delete', function (p) { return ['DELETE', '/users/' + id(p, 'users.delete')]; }),
      getRoles: endpoint('users.getRoles', function (p) { return ['GET', '/users/' + id(p, 'users.getRoles') + '/roles' + query(p, ['id'])]; }),
      assignRoles: endpoint('users.assignRoles', function (p, d) { return ['POST', '/users/' + id(p, 'users.assignRoles') + '/roles', d]; }),
      deleteRoles: endpoint('users.deleteRoles', function (p, d) { return ['DELETE', '/users/' + id(p, 'users.deleteRoles') + '/roles', d]; }),
      getPermissions: endpoint('users.getPermissions', function (p) { return ['GET', '/users/' + id(p, 'users.getPermissions') + '/permissions' + query(p, ['id'])]; }),
      link: endpoint('users.link', function (p, d) { return ['POST', '/users/' + id(p, 'users.link') + '/identities', d]; }),
      unlink: endpoint('users.unlink', function (p) {
        return ['DELETE', '/users/' + id(p, 'users.unlink') + '/identities/' + required(p, 'provider', 'users.unlink') + '/' + required(p, 'user_id', 'users.unlink')];
      }),
      getUserOrganizations: endpoint('users.getUserOrganizations', function (p) { return ['GET', '/users/' + id(p, 'users.getUserOrganizations') + '/organizations' + query(p, ['id'])]; })
    };
    this.users = users;
    this.usersByEmail = {
      getByEmail: endpoint('usersByEmail.getByEmail', function (p) { required(p, 'email', 'usersByEmail.getByEmail'); return ['GET', '/users-by-email' + query(p, [])]; })
    };
    this.roles = {
      getAll: endpoint('roles.getAll', function (p) { return ['GET', '/roles' + query(p, [])]; }),
      get: endpoint('roles.get', function (p) { return ['GET', '/roles/' + id(p, 'roles.get')]; }),
      getUsers: endpoint('roles.getUsers', function (p) { return ['GET', '/roles/' + id(p, 'roles.getUsers') + '/users' + query(p, ['id'])]; })
    };
    this.organizations = {
      getByName: endpoint('organizations.getByName', function (p) { return ['GET', '/organizations/name/' + required(p, 'name', 'organizations.getByName')]; }),
      getMembers: endpoint('organizations.getMembers', function (p) { return ['GET', '/organizations/' + id(p, 'organizations.getMembers') + '/members' + query(p, ['id'])]; }),
      addMembers: endpoint('organizations.addMembers', function (p, d) { return ['POST', '/organizations/' + id(p, 'organizations.addMembers') + '/members', d]; }),
      getMemberRoles: endpoint('organizations.getMemberRoles', function (p) {
        return ['GET', '/organizations/' + id(p, 'organizations.getMemberRoles') + '/members/' + required(p, 'user_id', 'organizations.getMemberRoles') + '/roles'];
      })
    };
    // Version 3's flat methods.
    this.getUser = users.get;
    this.getUsers = users.getAll;
    this.createUser = users.create;
    this.updateUser = users.update;
    this.deleteUser = users.delete;
    this.getUserRoles = users.getRoles;
    this.assignRolestoUser = users.assignRoles;
    this.removeRolesFromUser = users.deleteRoles;
    this.getUserPermissions = users.getPermissions;
    this.unlinkUsers = users.unlink;
    this.getRoles = this.roles.getAll;
    this.getRole = this.roles.get;
    this.updateUserMetadata = endpoint('updateUserMetadata', function (p, m) { return ['PATCH', '/users/' + id(p, 'updateUserMetadata'), { user_metadata: m }]; });
    this.updateAppMetadata = endpoint('updateAppMetadata', function (p, m) { return ['PATCH', '/users/' + id(p, 'updateAppMetadata'), { app_metadata: m }]; });
    this.getUsersByEmail = endpoint('getUsersByEmail', function (email) {
      if (typeof email !== 'string' || email === '') throw new TypeError('getUsersByEmail: the email is required');
      return ['GET', '/users-by-email' + query({ email: email }, [])];
    });
    this.linkUsers = endpoint('linkUsers', function (userId, d) {
      return ['POST', '/users/' + required({ id: userId }, 'id', 'linkUsers') + '/identities', d];
    });
    // The token, for code that calls the API with fetch or axios itself.
    this.getAccessToken = function () { return accessToken(); };
    Object.freeze(client);
  }

  // ---------------------------------------------------------------- AuthenticationClient
  function AuthenticationClient(options) {
    if (!(this instanceof AuthenticationClient)) throw new TypeError("Class constructor AuthenticationClient cannot be invoked without 'new'");
    var base = baseUrl(options, 'AuthenticationClient');
    function grant(name, type, fields) {
      return function (params) {
        var args = Array.prototype.slice.call(arguments);
        var body = { grant_type: type, client_id: options.clientId };
        if (options.clientSecret) body.client_secret = options.clientSecret;
        fields.forEach(function (f) { if (params && params[f] !== undefined) body[f] = params[f]; });
        return finish(send('AuthApiError', base + '/oauth/token', 'POST', {}, body), args);
      };
    }
    var oauth = {
      clientCredentialsGrant: grant('clientCredentialsGrant', 'client_credentials', ['audience', 'organization']),
      passwordGrant: grant('passwordGrant', 'password', ['username', 'password', 'audience', 'scope', 'realm']),
      refreshTokenGrant: grant('refreshTokenGrant', 'refresh_token', ['refresh_token', 'scope'])
    };
    var database = {
      signUp: function (params) {
        var args = Array.prototype.slice.call(arguments);
        var body = { client_id: options.clientId };
        Object.keys(params || {}).forEach(function (k) { body[k] = params[k]; });
        return finish(send('AuthApiError', base + '/dbconnections/signup', 'POST', {}, body), args);
      }
    };
    this.oauth = oauth;
    this.database = database;
    this.clientCredentialsGrant = oauth.clientCredentialsGrant;
    this.passwordGrant = oauth.passwordGrant;
    this.refreshToken = oauth.refreshTokenGrant;
    this.getProfile = function (accessToken) {
      var args = Array.prototype.slice.call(arguments);
      return finish(send('AuthApiError', base + '/userinfo', 'GET', { Authorization: 'Bearer ' + accessToken }), args);
    };
    Object.freeze(this);
  }

  return { auth0: { ManagementClient: ManagementClient, AuthenticationClient: AuthenticationClient } };
});
