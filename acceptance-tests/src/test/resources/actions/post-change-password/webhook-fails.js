exports.onExecutePostChangePassword = async (event, api) => {
  await null;
  throw new Error(`webhook https://hooks.example.com/pw returned 500 for ${event.user.user_id}`);
};
