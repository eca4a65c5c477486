exports.onExecutePostLogin = async (event, api) => {
  api.transaction.setMetadata('risk', 'low');
  api.transaction.setMetadata('score', 12);
  const seen = event.transaction.metadata;
  console.log(`risk=${seen.risk} score=${seen.score}`);
  api.transaction.setMetadata('risk', null);
  console.log('after delete', JSON.stringify(event.transaction.metadata));
};
