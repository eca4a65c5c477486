exports.onExecutePreUserRegistration = async (event, api) => {
  try {
    api.user.setUserMetadata('signup_channel', event.connection.strategy);
  } catch (err) {
    console.log(`${err.name}: ${err.message}`);
  }
};
