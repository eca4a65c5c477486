exports.onExecutePostLogin = async (event, api) => {
  const namespace = 'https://example.com';
  const { email, email_verified: verified } = event.user;
  const roles = event.authorization?.roles ?? [];
  const country = event.request?.geoip?.countryCode;
  const plan = event.user.app_metadata?.plan ?? 'free';
  if (!verified) {
    api.access.deny('Please verify your email');
    return;
  }
  api.accessToken.setCustomClaim(`${namespace}/roles`, roles);
  api.accessToken.setCustomClaim(`${namespace}/email`, email);
  api.accessToken.setCustomClaim(`${namespace}/plan`, `${plan}:${country}`);
};
