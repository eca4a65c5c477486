exports.onExecutePostLogin = async (event, api) => {
  const match = /^(?<provider>[^|]+)\|(?<id>.+)$/.exec(event.user.user_id);
  api.idToken.setCustomClaim('https://example.com/provider', match.groups.provider);
};
