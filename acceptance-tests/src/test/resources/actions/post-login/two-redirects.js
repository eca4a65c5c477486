exports.onExecutePostLogin = async (event, api) => {
  api.user.setUserMetadata('kyc_step', 1);
  api.redirect.sendUserTo('https://kyc.example.com/id-document');
};

exports.onContinuePostLogin = async (event, api) => {
  const step = event.request.query.step;
  if (step === 'document') {
    api.redirect.sendUserTo('https://kyc.example.com/selfie');
    return;
  }
  api.user.setUserMetadata('kyc_step', 'done');
};
