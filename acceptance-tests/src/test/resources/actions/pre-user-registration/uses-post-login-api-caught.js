exports.onExecutePreUserRegistration = async (event, api) => {
  try {
    api.accessToken.setCustomClaim('https://example.com/signup', true);
  } catch (err) {
    console.log(`caught ${err.name}; is TypeError: ${err instanceof TypeError}`);
  }
  api.user.setAppMetadata('claims_skipped', true);
};
