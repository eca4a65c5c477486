exports.onExecutePostLogin = async (event, api) => {
  console.log('user %s has %d logins', event.user.name, event.user.logins_count);
  console.log({ id: event.user.user_id, nested: { deep: { deeper: { deepest: 1 } } } });
  console.error(new Error('visible error'));
  console.debug([1, 'two', null, undefined]);
  console.warn('plain', 3, true);
};
