exports.onExecutePostLogin = async (event, api) => {
  const names = event.authentication.methods.map((m) => m.name);
  console.log(`methods: ${names.join(',')}`);
  api.accessToken.setCustomClaim('https://example.com/mfa', names.includes('mfa'));
};
