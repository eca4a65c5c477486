exports.onExecutePostLogin = async (event, api) => {
  if (!event.user.email_verified) {
    api.access.deny(`Please verify ${event.user.email} before logging in.`);
    // no return on purpose: Auth0 keeps running the rest of the handler
  }
  api.user.setAppMetadata('last_check', 'email');
  console.log('code after deny still runs');
};
