exports.onExecutePostLogin = async (event, api) => {
  const chunk = 'v'.repeat(3000);
  const codes = ['a', 'b', 'c'].map((k) => {
    const r = api.cache.set(`chunk_${k}`, chunk);
    return r.type === 'success' ? 'ok' : r.code;
  });
  console.log(codes.join(','));
};
