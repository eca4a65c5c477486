exports.onExecutePostLogin = async (event, api) => {
  const record = api.cache.get('feature_flags');
  const flags = record ? JSON.parse(record.value) : {};
  const expiresInFuture = typeof record?.expires_at === 'number' && record.expires_at > Date.now();
  console.log(`newCheckout=${flags.newCheckout ?? false}, expires_at in future: ${expiresInFuture}`);
  api.idToken.setCustomClaim('https://example.com/new_checkout', flags.newCheckout ?? false);
};
