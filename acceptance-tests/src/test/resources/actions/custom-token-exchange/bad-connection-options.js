exports.onExecuteCustomTokenExchange = async (event, api) => {
  try {
    api.authentication.setUserByConnection('partner-directory', { email: 'x@example.com' }, {});
  } catch (err) {
    console.log(`${err.name}: ${err.message}`);
  }
  api.authentication.setUserById('auth0|fallback');
};
