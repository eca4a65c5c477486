exports.onExecutePostLogin = async (event, api) => {
  const key = `token:${event.client.client_id}`;
  let record = api.cache.get(key);
  if (!record) {
    const result = api.cache.set(key, 'tok_abc', { ttl: 60000 });
    if (result.type === 'error') {
      throw new Error(`cache failed: ${result.code}`);
    }
    record = api.cache.get(key);
  }
  api.accessToken.setCustomClaim('https://x/token', record.value);
};
