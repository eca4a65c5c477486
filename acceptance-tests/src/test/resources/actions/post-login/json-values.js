exports.onExecutePostLogin = async (event, api) => {
  api.accessToken.setCustomClaim('https://example.com/int', 5);
  api.accessToken.setCustomClaim('https://example.com/float', 1.5);
  api.accessToken.setCustomClaim('https://example.com/date', new Date(0));
  api.accessToken.setCustomClaim('https://example.com/obj', { a: undefined, b: [1, 'two', null, true] });
  const chained = api.idToken.setCustomClaim('https://example.com/chain', 'x');
  console.log(`returns api: ${chained === api}`);
};
