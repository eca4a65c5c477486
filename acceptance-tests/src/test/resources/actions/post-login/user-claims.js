exports.onExecutePostLogin = async (event, api) => {
  const { user_id: id, email } = event.user;
  await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 5)));
  api.accessToken.setCustomClaim('https://example.com/uid', id);
  api.idToken.setCustomClaim('https://example.com/email', email);
  console.log(`claims for ${id}`);
};
