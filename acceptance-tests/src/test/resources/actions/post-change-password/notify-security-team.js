exports.onExecutePostChangePassword = async (event, api) => {
  const { user, connection, request } = event;
  const when = user.last_password_reset ?? new Date().toISOString();
  const seen = api.cache.get(`pw:${user.user_id}`);
  api.cache.set(`pw:${user.user_id}`, when);
  await new Promise((resolve) => setTimeout(resolve, 5));
  console.log(`password of ${user.email} changed on ${connection.name} from ${request.geoip?.countryCode ?? '??'}${seen ? ' (again)' : ''}`);
};
