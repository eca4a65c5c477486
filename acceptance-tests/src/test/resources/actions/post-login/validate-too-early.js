exports.onExecutePostLogin = async (event, api) => {
  try {
    api.redirect.validateToken({ secret: event.secrets.SECRET });
  } catch (err) {
    console.log(`${err.name}: ${err.message}`);
  }
};
