exports.onExecutePostLogin = async (event, api) => {
  try {
    api.accessToken.setCustomClaim('scope', 'x');
  } catch (e) {
    console.log(`${e.name}: ${e.message}`, e instanceof TypeError);
  }
  try {
    api.accessToken.setCustomClaim('https://x/fn', () => 1);
  } catch (e) {
    console.log(e.name);
  }
};
