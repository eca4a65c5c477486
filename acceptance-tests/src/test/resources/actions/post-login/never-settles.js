exports.onExecutePostLogin = async (event, api) => {
  console.log('waiting for a webhook that never answers');
  await new Promise(() => {});
};
