exports.onExecutePostLogin = async (event, api) => {
  const consent = event.user.app_metadata.consent_given === true;
  console.log(`after consent: consent_given=${consent}, risk=${event.transaction?.metadata?.risk}`);
  api.accessToken.setCustomClaim('https://example.com/consented', consent);
};
