exports.onExecutePostLogin = async (event, api) => {
  const { API_KEY } = event.secrets;
  const e = new Error('lookup failed for ' + Buffer.from(API_KEY).toString('base64'));
  e.name = API_KEY;
  throw e;
};
