exports.onExecutePostLogin = async (event, api) => {
  const { roles } = await api.roles.getUserEffectiveRoles({ take: 10 });
  api.accessToken.setCustomClaim('https://example.com/roles', roles);
  try {
    await api.roles.getUserEffectiveRolesByNames(['admin']);
  } catch (err) {
    console.log(`${err.name}: ${err.message}`);
  }
};
