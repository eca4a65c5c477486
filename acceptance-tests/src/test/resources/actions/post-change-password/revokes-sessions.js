exports.onExecutePostChangePassword = async (event, api) => {
  console.log(`revoking sessions of ${event.user.user_id}`);
};
