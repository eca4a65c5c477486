exports.onExecutePostChallenge = async (event, api) => {
  api.prompt.render('ap_reset_reason', { fields: { reason: '' }, vars: { email: event.user.email } });
};

exports.onContinuePostChallenge = async (event, api) => {
  const reason = event.prompt?.fields?.reason ?? 'unknown';
  console.log(`reset reason: ${reason}`);
  if (reason === 'account takeover') {
    api.access.deny('Please contact support to recover your account');
  }
};
