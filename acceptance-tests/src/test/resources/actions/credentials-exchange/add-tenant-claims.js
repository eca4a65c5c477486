exports.onExecuteCredentialsExchange = async (event, api) => {
  const ns = 'https://billing.example.com';
  const { client_id: clientId, name } = event.client;
  api.accessToken.setCustomClaim(`${ns}/client_name`, name);
  api.accessToken.setCustomClaim(`${ns}/granted`, event.accessToken.scope);
  api.accessToken.setCustomClaim('sub', `override-${clientId}`);
  try {
    api.accessToken.setCustomClaim('scope', 'admin');
  } catch (err) {
    console.log(`scope claim refused: ${err.message}`);
  }
  console.log(`claims visible in the event: ${Object.keys(event.accessToken.customClaims).length}`);
};
