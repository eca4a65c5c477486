exports.onExecuteCredentialsExchange = async (event, api) => {
  console.log(`next action sees: ${event.transaction.target_scopes.join(' ')}`);
};
