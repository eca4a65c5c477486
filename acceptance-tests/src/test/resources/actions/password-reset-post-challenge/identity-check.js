exports.onExecutePostChallenge = async (event, api) => {
  const token = api.redirect.encodeToken({
    secret: event.secrets.IDV_SECRET,
    payload: { reason: 'password-reset', email: event.user.email },
  });
  api.redirect.sendUserTo('https://idv.example.com/check', { query: { session_token: token } });
};

exports.onContinuePostChallenge = async (event, api) => {
  const { verified, level } = api.redirect.validateToken({ secret: event.secrets.IDV_SECRET });
  if (!verified) {
    api.access.deny('Identity could not be verified');
    return;
  }
  console.log(`identity verified at level ${level}`);
  api.transaction.setResultUrl('https://app.example.com/reset-done?lang=en', { query: { level: String(level) } });
};
