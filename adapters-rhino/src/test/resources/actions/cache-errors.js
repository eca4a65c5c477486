exports.onExecutePostLogin = async (event, api) => {
  const tooLong = 'k'.repeat(100);
  const result = api.cache.set(tooLong, 'v');
  console.log(result.type, result.code);
  const missing = api.cache.get('never-set');
  console.log(typeof missing);
};
