const ALLOWED_CLIENTS = new Set(['cli_1', 'cli_2']);
let calls = 0;

const isAllowed = (clientId) => ALLOWED_CLIENTS.has(clientId);

exports.onExecutePostLogin = async (event, api) => {
  calls += 1;
  if (!isAllowed(event.client.client_id)) {
    api.access.deny('client not allowed');
  }
  api.accessToken.setCustomClaim('https://x/calls', calls);
};
