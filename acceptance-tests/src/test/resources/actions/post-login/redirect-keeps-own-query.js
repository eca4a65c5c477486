exports.onExecutePostLogin = async (event, api) => {
  api.redirect.sendUserTo('https://kyc.example.com/start?state=forged&step=1&lang=de', {
    query: { step: '2', user: event.user.user_id },
  });
};

exports.onContinuePostLogin = async (event, api) => {
  const { state, outcome } = event.request.query;
  console.log(`back with outcome=${outcome}, state present: ${Boolean(state)}, ip=${event.request.ip}, host=${event.request.hostname}`);
  api.authentication.recordMethod('https://kyc.example.com/verified');
};
