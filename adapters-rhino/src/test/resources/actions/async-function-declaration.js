exports.onExecutePostLogin = async function onExecutePostLogin(event, api) {
  const domains = ['example.com', 'example.org'];
  const domain = event.user.email.split('@')[1];
  api.accessToken.setCustomClaim('https://x/internal', domains.indexOf(domain) !== -1);
};
