exports.onExecutePreUserRegistration = async (event, api) => {
  const { username = '' } = event.user;
  if (!/^[a-z][a-z0-9_]{2,15}$/.test(username)) {
    api.validation.error('invalid_username', `Username "${username}" must be 3-16 lowercase letters, digits or _.`);
  }
};
