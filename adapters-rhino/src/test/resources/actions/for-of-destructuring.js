exports.onExecutePostLogin = async (event, api) => {
  const claims = new Map([
    ['email', event.user.email],
    ['name', event.user.name],
  ]);
  for (const [key, value] of claims) {
    api.accessToken.setCustomClaim(`https://x/${key}`, value);
  }
  for (const { id, strategy } of [event.connection]) {
    console.log(id, strategy);
  }
};
