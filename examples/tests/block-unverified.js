/** Denies logins of users whose email is not verified, except for an allow-listed domain. */
exports.onExecutePostLogin = async (event, api) => {
  const domain = (event.user.email || '').split('@')[1];
  if (!event.user.email_verified && domain !== event.secrets.TRUSTED_DOMAIN) {
    console.log(`blocked ${event.user.email}`);
    api.access.deny('Please verify your email first.');
  }
};
