exports.onExecutePostLogin = async (event, api) => {
  console.log(`canRedirect=${api.redirect.canRedirect()}`);
  try {
    api.authentication.challengeWith({ type: 'otp' });
  } catch (err) {
    console.log(`${err.name}: ${err.message}`);
    api.access.deny('MFA required but the request was prompt=none');
  }
};
