exports.onExecutePreUserRegistration = async (event, api) => {
  console.log(`feature_flags in this trigger: ${api.cache.get('feature_flags') === undefined ? 'absent' : 'present'}`);
};
