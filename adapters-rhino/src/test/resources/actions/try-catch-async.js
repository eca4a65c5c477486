async function fetchProfile() {
  throw new TypeError('network down');
}

exports.onExecutePostLogin = async (event, api) => {
  try {
    await fetchProfile();
  } catch (err) {
    console.warn(`profile lookup failed: ${err.message}`, err instanceof TypeError);
    api.accessToken.setCustomClaim('https://x/degraded', true);
  } finally {
    console.log('done');
  }
};
