exports.onExecutePostLogin = async (event, api) => {
  const results = {
    bigValue: api.cache.set('big', 'x'.repeat(5000)),
    longKey: api.cache.set('k'.repeat(65), 'v'),
    expired: api.cache.set('old', 'v', { expires_at: Date.now() - 1000 }),
    badTtl: api.cache.set('nan', 'v', { ttl: Number.NaN }),
    missing: api.cache.delete('never-set'),
  };
  for (const [name, result] of Object.entries(results)) {
    console.log(`${name}: ${result.type} ${result.code ?? ''}`.trim());
  }
  console.log(`big stored: ${api.cache.get('big') !== undefined}`);
};
