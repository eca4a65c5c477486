exports.onExecutePostLogin = async (event, api) => {
  const roles = event.authorization.roles
  if (roles.includes('admin') {
    api.accessToken.addScope('admin:all');
  }
};
