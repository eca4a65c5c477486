// The `auth0` package (node-auth0) for the calls Actions make: ManagementClient (Management API v2
// under https://<domain>/api/v2, token by client credentials or given), AuthenticationClient (token
// grants, sign-up, password-change email) and, in version 4, UserInfoClient. The surface follows
// the version the action declares as a dependency (auth0-rest.js says which):
//  - 4 (the default): managers only (management.users.get, management.usersByEmail.getByEmail,
//    management.clients.get, ...), results {data, headers, status, statusText}, failures
//    ManagementApiError / AuthApiError;
//  - below 4: version 3's flat methods as well (getUser, getUsersByEmail, updateAppMetadata,
//    getClient, getConnections, requestChangePasswordEmail, ...) and its manager signatures
//    (users.getByEmail(email), users.link(userId, data), users.removeRoles), results the data
//    itself, an optional node-style callback, errors named after the API's `error`.
// ES5; every client is the script's own object, so executions share no state.
(function (native, lib) {
  'use strict';
  var rest = lib.auth0Rest;
  var send = rest.send, finish = rest.finish, query = rest.query, required = rest.required;

  function copy(target, source, fields) {
    fields.forEach(function (f) { if (source && source[f] !== undefined) target[f] = source[f]; });
    return target;
  }

  // ---------------------------------------------------------------- ManagementClient
  function ManagementClient(options) {
    if (!(this instanceof ManagementClient)) throw new TypeError("Class constructor ManagementClient cannot be invoked without 'new'");
    var base = rest.baseUrl(options, 'ManagementClient');
    if (!options.token && !(options.clientId && options.clientSecret)) {
      throw new TypeError('ManagementClient: give either "token" or "clientId" and "clientSecret"');
    }
    var v3 = rest.legacy();
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
    // (params, [data], [callback]) -> the request; `make` builds method, path and body from the arguments.
    function endpoint(make) {
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
    function sub(resource, m, tail) {
      return endpoint(function (p) { return ['GET', '/' + resource + '/' + id(p, m) + tail + query(p, ['id'])]; });
    }
    var users = {
      getAll: endpoint(function (p) { return ['GET', '/users' + query(p, [])]; }),
      get: sub('users', 'users.get', ''),
      create: endpoint(function (d) { return ['POST', '/users', d]; }),
      update: endpoint(function (p, d) { return ['PATCH', '/users/' + id(p, 'users.update'), d]; }),
      delete: endpoint(function (p) { return ['DELETE', '/users/' + id(p, 'users.delete')]; }),
      getRoles: sub('users', 'users.getRoles', '/roles'),
      assignRoles: endpoint(function (p, d) { return ['POST', '/users/' + id(p, 'users.assignRoles') + '/roles', d]; }),
      getPermissions: sub('users', 'users.getPermissions', '/permissions'),
      unlink: endpoint(function (p) {
        return ['DELETE', '/users/' + id(p, 'users.unlink') + '/identities/' + required(p, 'provider', 'users.unlink') + '/' + required(p, 'user_id', 'users.unlink')];
      }),
      getUserOrganizations: sub('users', 'users.getUserOrganizations', '/organizations')
    };
    var deleteRoles = endpoint(function (p, d) { return ['DELETE', '/users/' + id(p, 'users.deleteRoles') + '/roles', d]; });
    var roles = {
      getAll: endpoint(function (p) { return ['GET', '/roles' + query(p, [])]; }),
      get: sub('roles', 'roles.get', ''),
      getUsers: sub('roles', 'roles.getUsers', '/users')
    };
    var clients = {
      getAll: endpoint(function (p) { return ['GET', '/clients' + query(p, [])]; }),
      // node-auth0 names the parameter client_id (early 4.x betas: id).
      get: endpoint(function (p) {
        var key = p && (p.client_id === undefined || p.client_id === null) && p.id !== undefined ? 'id' : 'client_id';
        return ['GET', '/clients/' + required(p, key, 'clients.get') + query(p, ['client_id', 'id'])];
      })
    };
    var connections = {
      getAll: endpoint(function (p) { return ['GET', '/connections' + query(p, [])]; }),
      get: sub('connections', 'connections.get', '')
    };
    this.users = users;
    this.roles = roles;
    this.clients = clients;
    this.connections = connections;
    this.organizations = {
      getByName: endpoint(function (p) { return ['GET', '/organizations/name/' + required(p, 'name', 'organizations.getByName')]; }),
      getMembers: sub('organizations', 'organizations.getMembers', '/members'),
      addMembers: endpoint(function (p, d) { return ['POST', '/organizations/' + id(p, 'organizations.addMembers') + '/members', d]; }),
      getMemberRoles: endpoint(function (p) {
        return ['GET', '/organizations/' + id(p, 'organizations.getMemberRoles') + '/members/' + required(p, 'user_id', 'organizations.getMemberRoles') + '/roles'];
      })
    };
    if (v3) {
      version3Methods(this, endpoint, deleteRoles);
    } else {
      users.deleteRoles = deleteRoles;
      users.link = endpoint(function (p, d) { return ['POST', '/users/' + id(p, 'users.link') + '/identities', d]; });
      this.usersByEmail = {
        getByEmail: endpoint(function (p) { required(p, 'email', 'usersByEmail.getByEmail'); return ['GET', '/users-by-email' + query(p, [])]; })
      };
    }
    // The token, for code that calls the API with fetch or axios itself.
    this.getAccessToken = function () { return accessToken(); };
    Object.freeze(this);
  }

  /** Version 3: its users-manager signatures and the client's flat methods, over the managers. */
  function version3Methods(client, endpoint, removeRoles) {
    var users = client.users;
    function metadata(name, field) {
      return endpoint(function (p, m) { var body = {}; body[field] = m; return ['PATCH', '/users/' + required(p, 'id', name), body]; });
    }
    users.removeRoles = removeRoles;
    users.link = endpoint(function (userId, d) {
      if (typeof userId !== 'string' || userId === '') throw new TypeError('users.link: the userId must be a non-empty string');
      return ['POST', '/users/' + encodeURIComponent(userId) + '/identities', d];
    });
    users.getByEmail = endpoint(function (email, opts) {
      if (typeof email !== 'string' || email === '') throw new TypeError('getByEmail: the email is required');
      var q = { email: email };
      if (opts !== null && typeof opts === 'object') Object.keys(opts).forEach(function (k) { if (k !== 'email') q[k] = opts[k]; });
      return ['GET', '/users-by-email' + query(q, [])];
    });
    users.updateUserMetadata = metadata('updateUserMetadata', 'user_metadata');
    users.updateAppMetadata = metadata('updateAppMetadata', 'app_metadata');
    var flat = {
      getUsers: users.getAll, getUser: users.get, createUser: users.create, updateUser: users.update, deleteUser: users.delete,
      getUsersByEmail: users.getByEmail, updateUserMetadata: users.updateUserMetadata, updateAppMetadata: users.updateAppMetadata,
      linkUsers: users.link, unlinkUsers: users.unlink, getUserRoles: users.getRoles, assignRolestoUser: users.assignRoles,
      removeRolesFromUser: users.removeRoles, getUserPermissions: users.getPermissions,
      getRoles: client.roles.getAll, getRole: client.roles.get, getUsersInRole: client.roles.getUsers,
      getClients: client.clients.getAll, getClient: client.clients.get,
      getConnections: client.connections.getAll, getConnection: client.connections.get
    };
    Object.keys(flat).forEach(function (name) { client[name] = flat[name]; });
  }

  // ---------------------------------------------------------------- AuthenticationClient
  function AuthenticationClient(options) {
    if (!(this instanceof AuthenticationClient)) throw new TypeError("Class constructor AuthenticationClient cannot be invoked without 'new'");
    var base = rest.baseUrl(options, 'AuthenticationClient');
    function post(path, body, args) {
      return finish(send('AuthApiError', base + path, 'POST', {}, body), args);
    }
    function grant(type, fields) {
      return function (params) {
        var body = { grant_type: type, client_id: options.clientId };
        if (options.clientSecret) body.client_secret = options.clientSecret;
        return post('/oauth/token', copy(body, params, fields), Array.prototype.slice.call(arguments));
      };
    }
    // Sends the reset email: POST /dbconnections/change_password with the email and connection.
    function changePassword(params) {
      var body = copy({ client_id: options.clientId }, params, ['email', 'connection', 'organization']);
      return post('/dbconnections/change_password', body, Array.prototype.slice.call(arguments));
    }
    function getProfile(accessToken) {
      return finish(send('AuthApiError', base + '/userinfo', 'GET', { Authorization: 'Bearer ' + accessToken }), Array.prototype.slice.call(arguments));
    }
    var oauth = {
      clientCredentialsGrant: grant('client_credentials', ['audience', 'organization']),
      passwordGrant: grant('password', ['username', 'password', 'audience', 'scope', 'realm'])
    };
    var database = {
      signUp: function (params) {
        var body = { client_id: options.clientId };
        Object.keys(params || {}).forEach(function (k) { body[k] = params[k]; });
        return post('/dbconnections/signup', body, Array.prototype.slice.call(arguments));
      }
    };
    var refresh = grant('refresh_token', ['refresh_token', 'scope']);
    this.oauth = oauth;
    this.database = database;
    if (rest.legacy()) {
      oauth.refreshToken = refresh;
      database.requestChangePasswordEmail = changePassword;
      this.users = { getInfo: getProfile };
      this.clientCredentialsGrant = oauth.clientCredentialsGrant;
      this.passwordGrant = oauth.passwordGrant;
      this.refreshToken = refresh;
      this.requestChangePasswordEmail = changePassword;
      this.getProfile = getProfile;
    } else {
      oauth.refreshTokenGrant = refresh;
      database.changePassword = changePassword;
    }
    Object.freeze(this);
  }

  // ---------------------------------------------------------------- UserInfoClient (version 4)
  function UserInfoClient(options) {
    if (!(this instanceof UserInfoClient)) throw new TypeError("Class constructor UserInfoClient cannot be invoked without 'new'");
    var base = rest.baseUrl(options, 'UserInfoClient');
    this.getUserInfo = function (accessToken) {
      return send('AuthApiError', base + '/userinfo', 'GET', { Authorization: 'Bearer ' + accessToken });
    };
    Object.freeze(this);
  }

  return { auth0: { ManagementClient: ManagementClient, AuthenticationClient: AuthenticationClient, UserInfoClient: UserInfoClient } };
});
