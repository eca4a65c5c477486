exports.onExecutePostLogin = async (event, api) => {
  const results = await Promise.allSettled([
    Promise.reject(new Error('crm down')),
    Promise.resolve('billing ok'),
  ]);
  const failed = results.filter((r) => r.status === 'rejected').length;
  console.log(`${failed} of ${results.length} lookups failed`);
};
