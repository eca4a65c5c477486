exports.onExecutePostLogin = async (event, api) => {
  api.cache.set(`nonce:${event.user.user_id}`, 'n-123', { ttl: 60000 });
  api.redirect.sendUserTo('https://idp.example.com/step-up');
};

exports.onContinuePostLogin = async (event, api) => {
  const nonce = api.cache.get(`nonce:${event.user.user_id}`)?.value;
  console.log(`nonce after resume: ${nonce}`);
  api.cache.delete(`nonce:${event.user.user_id}`);
};
