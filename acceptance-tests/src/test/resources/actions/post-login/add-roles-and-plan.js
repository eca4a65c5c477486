/**
 * Adds the user's roles and plan as namespaced claims and grants an admin scope.
 * @param {Event} event
 * @param {PostLoginAPI} api
 */
exports.onExecutePostLogin = async (event, api) => {
  const namespace = 'https://example.com';
  const roles = event.authorization?.roles ?? [];
  const { plan = 'free', tier } = event.user.app_metadata;

  api.accessToken.setCustomClaim(`${namespace}/roles`, roles);
  api.idToken.setCustomClaim(`${namespace}/plan`, plan);
  api.idToken.setCustomClaim(`${namespace}/tier`, tier ?? null);

  if (roles.includes('admin')) {
    api.accessToken.addScope('admin:all');
  }
  api.accessToken.removeScope('delete:everything');

  console.log(`claims set for ${event.user.email} (${roles.length} roles, plan ${plan})`);
};
