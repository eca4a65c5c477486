exports.onExecutePostLogin = async (event, api) => {
  api.access.deny('blocked');
  api.redirect.sendUserTo('https://appeal.example.com/form');
};
