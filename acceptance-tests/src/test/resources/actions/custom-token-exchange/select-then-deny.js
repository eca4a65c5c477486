exports.onExecuteCustomTokenExchange = async (event, api) => {
  api.authentication.setUserById('auth0|someone');
  if (event.transaction.subject_token_type !== 'urn:example:partner-token') {
    api.access.deny('invalid_request', `Unsupported subject token type ${event.transaction.subject_token_type}`);
  }
  console.log('still running after deny');
};
