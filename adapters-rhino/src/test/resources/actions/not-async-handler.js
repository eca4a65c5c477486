exports.onExecutePostLogin = function (event, api) {
  api.access.deny('never');
};
