exports.onExecutePostLogin = async (event, api) => {
  event.user.email = 'changed@evil.example';
  event.user.app_metadata.roles.push('root');
  delete event.client;
  api.accessToken.setCustomClaim('https://x/email', event.user.email);
};
