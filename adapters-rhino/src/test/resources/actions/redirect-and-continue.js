exports.onExecutePostLogin = async (event, api) => {
  if (event.user.app_metadata?.consent_given) {
    return;
  }
  api.redirect.sendUserTo('https://consent.example.com/start', { query: { user: event.user.user_id } });
};

exports.onContinuePostLogin = async (event, api) => {
  const answer = event.request.query?.answer;
  if (answer !== 'yes') {
    api.access.deny('Consent is required');
    return;
  }
  api.user.setAppMetadata('consent_given', true);
};
