exports.onExecutePostLogin = async (event, api) => {
  const cached = api.cache.get('feature_flags');
  if (cached) {
    console.log(`flags from cache: ${cached.value}`);
    return;
  }
  const flags = JSON.stringify({ newCheckout: true, region: event.request.geoip?.countryCode });
  const result = api.cache.set('feature_flags', flags, { ttl: 5 * 60 * 1000 });
  console.log(`stored flags: ${result.type}`);
};
