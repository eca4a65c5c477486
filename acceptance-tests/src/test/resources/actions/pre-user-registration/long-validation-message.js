exports.onExecutePreUserRegistration = async (event, api) => {
  api.validation.error('too_long', 'x'.repeat(101));
};
