exports.onExecutePostLogin = async (event, api) => {
  console.log('user', event.user.user_id, { logins: event.stats.logins_count, roles: ['a', 'b'] });
  console.error(new Error('boom'));
  console.log(`%s has %d logins`, event.user.nickname, event.stats.logins_count);
};
