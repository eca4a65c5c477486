exports.onExecutePostLogin = async (event, api) => {
  const encoded = Buffer.from(`${event.user.user_id}:${event.user.email}`).toString('base64');
  api.accessToken.setCustomClaim('https://example.com/ref', encoded);
};
