exports.onExecutePostLogin = async (event, api) => {
  const { organization } = event;
  if (!organization) return;
  const { id, name, display_name: displayName } = organization;
  api.idToken?.setCustomClaim?.('org', name);
  api.accessToken
    .setCustomClaim('https://acme.example/org_id', id)
    .accessToken.setCustomClaim('https://acme.example/org_name', displayName);
};
