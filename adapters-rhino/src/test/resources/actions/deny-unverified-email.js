exports.onExecutePostLogin = async (event, api) => {
  if (!event.user.email_verified) {
    api.access.deny('Please verify your email before logging in.');
    return;
  }
  console.log(`user ${event.user.email} is verified`);
};
