exports.onExecuteSendPhoneMessage = async (event, api) => {
  console.log(`access: ${typeof api.access}, cache: ${typeof api.cache?.get}`);
  api.access?.deny?.('never');
};
