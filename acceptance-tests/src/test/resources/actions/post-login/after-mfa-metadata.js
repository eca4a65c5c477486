exports.onExecutePostLogin = async (event, api) => {
  console.log(`reason=${event.transaction.metadata.mfa_reason} last=${event.user.app_metadata.last_mfa_prompt}`);
};
