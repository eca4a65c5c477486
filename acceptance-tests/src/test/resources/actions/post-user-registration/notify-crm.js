/** Tells the CRM about the new user, reusing a cached CRM access token. */
const fetchCrmToken = async (clientId) => {
  await new Promise((resolve) => setTimeout(resolve, 5));
  return `crm-token-for-${clientId}`;
};

exports.onExecutePostUserRegistration = async (event, api) => {
  const { CRM_CLIENT_ID } = event.secrets;
  let token = api.cache.get('crm_token')?.value;
  if (!token) {
    token = await fetchCrmToken(CRM_CLIENT_ID);
    const stored = api.cache.set('crm_token', token, { ttl: 60 * 60 * 1000 });
    console.log(`token cached: ${stored.type}`);
  } else {
    console.log('token from cache');
  }
  const payload = { id: event.user.user_id, email: event.user.email, source: event.connection.name };
  console.log(`POST /contacts ${JSON.stringify(payload)}`);
};
