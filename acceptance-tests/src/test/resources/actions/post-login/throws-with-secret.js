exports.onExecutePostLogin = async (event, api) => {
  const { API_KEY } = event.secrets;
  const response = { status: 401 };
  if (response.status !== 200) {
    throw new Error(`directory lookup failed (${response.status}) with key ${API_KEY}`);
  }
};
