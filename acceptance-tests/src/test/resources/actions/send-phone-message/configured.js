exports.onExecuteSendPhoneMessage = async (event, api) => {
  console.log(`configuration: ${JSON.stringify(event.configuration)}, secrets: ${Object.keys(event.secrets).length}`);
};
