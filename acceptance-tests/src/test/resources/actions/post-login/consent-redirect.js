/** Sends the user to an external consent page once, then records the answer. */
exports.onExecutePostLogin = async (event, api) => {
  if (event.user.app_metadata?.consent_given) {
    return;
  }
  api.transaction.setMetadata('risk', 'low');
  const token = api.redirect.encodeToken({
    secret: event.secrets.CONSENT_SECRET,
    expiresInSeconds: 300,
    payload: {
      email: event.user.email,
      continue_uri: `https://${event.request.hostname}/continue`,
    },
  });
  api.redirect.sendUserTo('https://consent.example.com/terms', {
    query: { session_token: token, lang: event.request.language ?? 'en' },
  });
  console.log('sent to consent page');
};

exports.onContinuePostLogin = async (event, api) => {
  const payload = api.redirect.validateToken({
    secret: event.secrets.CONSENT_SECRET,
    tokenParameterName: 'session_token',
  });
  console.log(`consent ${payload.accepted ? 'accepted' : 'declined'}, risk ${event.transaction.metadata.risk}`);
  if (!payload.accepted) {
    api.access.deny('Terms of service not accepted');
    return;
  }
  api.user.setAppMetadata('consent_given', true);
  api.idToken.setCustomClaim('https://example.com/consent_at', payload.accepted_at);
};
