exports.onExecutePostLogin = async (event, api) => {
  for (let i = 1; i <= 5; i++) {
    try {
      api.authentication.challengeWith({ type: 'otp' });
    } catch (err) {
      console.log(`challenge ${i} refused: ${err.message}`);
    }
  }
};
