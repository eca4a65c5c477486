exports.onExecutePostLogin = async (event, api) => {
  api.redirect.sendUserTo('https://stepup.example.com/verify');
};

exports.onContinuePostLogin = async (event, api) => {
  const { amr = [] } = api.redirect.validateToken({ secret: event.secrets.STEPUP_SECRET, tokenParameterName: 'result' });
  console.log(`step-up methods: ${amr.join('+')}`);
  api.accessToken.setCustomClaim('https://example.com/amr', amr);
};
