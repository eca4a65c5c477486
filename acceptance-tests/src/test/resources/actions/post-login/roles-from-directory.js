exports.onExecutePostLogin = async (event, api) => {
  const { roles } = await api.roles.getUserEffectiveRoles({ take: 10 });
  api.accessToken.setCustomClaim('https://example.com/roles', roles);

  const names = await api.roles.getUserEffectiveRolesByNames(['admin', 'auditor']).then((r) => r.roles);
  console.log(`effective: ${names.join(',')}`);

  try {
    await api.roles.getUserEffectiveRoles({ take: 1000 });
  } catch (err) {
    console.log(`rejected: ${err.name}`);
  }
};
