exports.onExecutePostLogin = async (event, api) => {
  const { roles, ...rest } = event.user.app_metadata;
  const merged = { ...rest, ...{ source: 'action' } };
  const scopes = [...event.transaction.requested_scopes, 'offline_access'];
  const max = Math.max(...[3, 9, 4]);
  api.accessToken.setCustomClaim('https://x/meta', merged);
  api.accessToken.setCustomClaim('https://x/scopes', scopes);
  api.accessToken.setCustomClaim('https://x/max', max);
  api.accessToken.setCustomClaim('https://x/roles', roles.length);
};
