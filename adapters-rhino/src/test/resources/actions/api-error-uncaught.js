exports.onExecutePostLogin = async (event, api) => {
  api.accessToken.setCustomClaim('scope', 'admin');
};
