exports.onExecuteSendPhoneMessage = async (event, api) => {
  const response = await Promise.resolve({ status: 503, statusText: 'Service Unavailable' });
  if (response.status >= 400) {
    throw new Error(`SMS provider rejected the message: ${response.status} ${response.statusText}`);
  }
};
