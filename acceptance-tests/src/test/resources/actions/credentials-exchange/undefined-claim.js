exports.onExecuteCredentialsExchange = async (event, api) => {
  const tier = event.client.metadata.tier; // not set for this client
  api.accessToken.setCustomClaim('https://billing.example.com/tier', tier);
};
