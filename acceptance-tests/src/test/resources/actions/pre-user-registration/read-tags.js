exports.onExecutePreUserRegistration = async (event, api) => {
  const { signup_source: source } = event.user.app_metadata;
  console.log(`source seen by the next action: ${source}`);
};
