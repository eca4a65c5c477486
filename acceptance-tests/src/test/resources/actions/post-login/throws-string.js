exports.onExecutePostLogin = async (event, api) => {
  throw `plain string for ${event.user.nickname}`;
};
