exports.onExecutePostLogin = async (event, api) => {
  // some actions keep a token on the global object between calls
  globalThis.cachedToken = globalThis.cachedToken ?? `token-for-${event.client.client_id}`;
  api.accessToken.setCustomClaim('https://example.com/token_source', 'global');
};
