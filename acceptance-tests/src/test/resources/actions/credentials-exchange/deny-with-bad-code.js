exports.onExecuteCredentialsExchange = async (event, api) => {
  api.access.deny('forbidden', 'not a code Auth0 accepts');
};
