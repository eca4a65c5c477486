/**
 * Adds the user's roles and plan to the tokens, as real post-login Actions commonly do.
 * Run it: java -jar adapters-cli/target/interlock.jar run --trigger post-login \
 *           --event examples/post-login-event.json examples/add-roles.js
 */
const NAMESPACE = 'https://example.com';

exports.onExecutePostLogin = async (event, api) => {
  const roles = event.authorization?.roles ?? [];
  const { plan = 'free' } = event.user.app_metadata;

  api.accessToken.setCustomClaim(`${NAMESPACE}/roles`, roles);
  api.idToken.setCustomClaim(`${NAMESPACE}/plan`, plan);

  if (roles.includes('admin') && !event.authentication?.methods.some((m) => m.name === 'mfa')) {
    console.log(`admin ${event.user.email} logged in without MFA`);
  }
};
