exports.onExecutePostLogin = async (event, api) => {
  const snapshot = JSON.parse(JSON.stringify(event.user.app_metadata));
  snapshot.checked = true;
  const expires = new Date(Date.UTC(2030, 0, 1));
  api.user.setAppMetadata('snapshot', snapshot);
  api.accessToken.setCustomClaim('https://x/expires', expires.getUTCFullYear());
};
