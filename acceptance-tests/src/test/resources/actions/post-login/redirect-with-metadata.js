exports.onExecutePostLogin = async (event, api) => {
  api.user.setAppMetadata('onboarding', 'started');
  api.redirect.sendUserTo('https://onboarding.example.com/start');
};

exports.onContinuePostLogin = async (event, api) => {
  console.log(`onboarding=${event.user.app_metadata.onboarding ?? 'unknown'}`);
  api.user.setAppMetadata('onboarding', 'done');
};
