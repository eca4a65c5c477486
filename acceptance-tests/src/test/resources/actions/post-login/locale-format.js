exports.onExecutePostLogin = async (event, api) => {
  const balance = event.user.app_metadata.balance ?? 1234.5;
  api.idToken.setCustomClaim('https://example.com/balance', balance.toLocaleString('en-US'));
};
