exports.onExecutePostLogin = async (event, api) => {
  const methods = event.authentication?.methods ?? [];
  const alreadyDone = methods.some(({ name }) => name === 'mfa');
  if (alreadyDone) {
    return;
  }
  const enrolled = (event.user.enrolledFactors ?? []).map((f) => f.type);
  if (enrolled.includes('otp')) {
    api.authentication.challengeWith({ type: 'otp' }, { additionalFactors: [{ type: 'email' }] });
    console.log(`challenging ${event.user.user_id} with ${enrolled.join(', ')}`);
  }
};
