exports.onExecutePostUserRegistration = async (event, api) => {
  console.log(`api has: ${Object.keys(api).join(',')}`);
  api.access.deny('too late: the user already exists');
};
