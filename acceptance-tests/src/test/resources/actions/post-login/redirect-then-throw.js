exports.onExecutePostLogin = async (event, api) => {
  api.redirect.sendUserTo('https://idp.example.com/step-up');
  const config = JSON.parse(event.secrets.CONFIG ?? '');
  console.log(config);
};
