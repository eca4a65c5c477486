async function onExecutePostLogin(event, api) {
  api.accessToken.addScope('read:reports');
}

module.exports = {
  onExecutePostLogin,
};
