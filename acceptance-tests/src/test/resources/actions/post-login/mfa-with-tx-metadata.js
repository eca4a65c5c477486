exports.onExecutePostLogin = async (event, api) => {
  api.transaction.setMetadata('mfa_reason', 'new_device');
  api.user.setAppMetadata('last_mfa_prompt', 'otp');
  api.authentication.challengeWith({ type: 'otp' });
};
