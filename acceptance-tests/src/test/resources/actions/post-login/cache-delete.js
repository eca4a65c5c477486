exports.onExecutePostLogin = async (event, api) => {
  const removed = api.cache.delete('feature_flags');
  console.log(`delete: ${removed.type}; now ${api.cache.get('feature_flags') === undefined ? 'gone' : 'still there'}`);
};
