const lookupDepartment = (email) =>
  new Promise((resolve) => setTimeout(() => resolve(email.endsWith('@example.com') ? 'engineering' : 'guest'), 5));

exports.onExecutePostLogin = async (event, api) => {
  const department = await lookupDepartment(event.user.email);
  const [first, ...rest] = event.transaction.requested_scopes;
  console.info(`first scope ${first}, ${rest.length} more`);
  api.accessToken.setCustomClaim('https://example.com/department', department);
};
