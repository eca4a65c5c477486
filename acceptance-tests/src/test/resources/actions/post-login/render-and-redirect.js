exports.onExecutePostLogin = async (event, api) => {
  api.prompt.render('ap_terms');
  try {
    api.redirect.sendUserTo('https://consent.example.com/terms');
  } catch (err) {
    console.log(`${err.name}: ${err.message}`);
  }
};
