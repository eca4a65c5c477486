exports.onExecutePostLogin = async (event, api) => {
  for (let i = 0; i < 50; i++) {
    console.log(`line ${i} ${'x'.repeat(100)}`);
  }
  api.idToken.setCustomClaim('https://example.com/after_logs', true);
};
