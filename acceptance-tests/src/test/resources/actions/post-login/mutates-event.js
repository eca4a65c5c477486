let calls = 0;

exports.onExecutePostLogin = async (event, api) => {
  calls += 1;
  event.user.app_metadata.plan = 'hacked';
  event.user.email = 'attacker@example.com';
  event.transaction.metadata.sneaky = 'yes';
  console.log(`module-level calls: ${calls}`);
};
