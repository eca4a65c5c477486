exports.onExecutePreUserRegistration = async (event, api) => {
  api.accessToken.setCustomClaim('https://example.com/signup', true);
};
