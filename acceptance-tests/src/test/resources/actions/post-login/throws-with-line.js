// Looks up the user's region; a missing region is a configuration error.
const REGIONS = { eu: 'Europe', us: 'United States' };

exports.onExecutePostLogin = async (event, api) => {
  const region = event.user.app_metadata.region;
  if (!REGIONS[region]) {
    throw new Error(`no region configured for ${event.user.user_id}`);
  }
  api.accessToken.setCustomClaim('https://example.com/region', REGIONS[region]);
};
