exports.onExecutePostLogin = async (event, api) => {
  if (!api.redirect.canRedirect()) {
    console.log('cannot redirect in this flow');
  }
  api.redirect.sendUserTo('https://consent.example.com/terms');
};
