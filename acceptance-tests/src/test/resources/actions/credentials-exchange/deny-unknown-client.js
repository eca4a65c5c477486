exports.onExecuteCredentialsExchange = async (event, api) => {
  const allowed = (event.secrets.ALLOWED_CLIENTS ?? '').split(',').map((s) => s.trim());
  if (!allowed.includes(event.client.client_id)) {
    api.access.deny('invalid_request', `Client ${event.client.name} may not call ${event.resource_server.identifier}`);
    return;
  }
  console.log(`client ${event.client.client_id} allowed`);
};
