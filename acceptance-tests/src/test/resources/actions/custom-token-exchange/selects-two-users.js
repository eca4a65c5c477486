exports.onExecuteCustomTokenExchange = async (event, api) => {
  api.authentication.setUserById('auth0|first');
  api.authentication.setUserById('auth0|second');
};
