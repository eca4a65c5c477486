exports.onExecutePostChallenge = async (event, api) => {
  const last = event.authentication.methods.at(-1);
  console.log(`last method: ${last?.name}`);
  api.transaction.setResultUrl('https://app.example.com/welcome-back', { query: { via: last?.name ?? 'none' } });
};
