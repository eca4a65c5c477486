exports.onExecutePostLogin = async (event, api) => {
  console.log(`kyc_step=${event.user.user_metadata.kyc_step}`);
};
