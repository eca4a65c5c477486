exports.onExecutePostLogin = async (event, api) => {
  console.log(`methods: ${event.authentication.methods.map((m) => m.name).join(', ')}`);
};
