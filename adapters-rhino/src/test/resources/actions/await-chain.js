const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function lookupTier(user) {
  await sleep(2);
  return user.app_metadata?.plan === 'pro' ? 'gold' : 'basic';
}

exports.onExecutePostLogin = async (event, api) => {
  const [tier, other] = await Promise.all([lookupTier(event.user), Promise.resolve(42)]);
  api.accessToken.setCustomClaim('https://x/tier', tier);
  api.accessToken.setCustomClaim('https://x/other', other);
};
