exports.onExecuteCredentialsExchange = async (event, api) => {
  console.log(`before: ${event.transaction.target_scopes?.join(' ') ?? '(none)'}`);
  api.transaction.removeTargetScope('write:invoices');
  api.transaction.addTargetScope('  read:reports ');
  console.log(`after: ${event.transaction.target_scopes.join(' ')}`);
};
