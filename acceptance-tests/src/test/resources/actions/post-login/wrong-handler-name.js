exports.onExecutePreUserRegistration = async (event, api) => {
  api.access.deny('never runs');
};
