exports.onExecutePostLogin = async (event, api) => {
  const { API_KEY, TENANT_REGION = 'eu' } = event.secrets;
  if (!API_KEY) {
    throw new Error('Missing API_KEY secret');
  }
  api.accessToken.setCustomClaim('https://example.com/region', TENANT_REGION);
  console.info('configured region', TENANT_REGION);
};
