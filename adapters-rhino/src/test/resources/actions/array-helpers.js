exports.onExecutePostLogin = async (event, api) => {
  const roles = event.user.app_metadata.roles ?? [];
  const upper = roles.map((r) => r.toUpperCase()).filter(Boolean);
  const has = roles.includes('editor');
  const found = roles.find((r) => r.startsWith('ad'));
  const entries = Object.fromEntries(roles.map((r, i) => [r, i]));
  api.accessToken.setCustomClaim('https://x/upper', upper);
  api.accessToken.setCustomClaim('https://x/has', has);
  api.accessToken.setCustomClaim('https://x/found', found);
  api.accessToken.setCustomClaim('https://x/entries', entries);
};
