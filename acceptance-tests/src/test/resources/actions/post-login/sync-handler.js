exports.onExecutePostLogin = function (event, api) {
  api.idToken.setCustomClaim('https://example.com/sync', true);
};
