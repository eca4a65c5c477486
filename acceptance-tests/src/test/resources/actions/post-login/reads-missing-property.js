exports.onExecutePostLogin = async (event, api) => {
  const country = event.request.geoip.countryCode;

  const manager = event.user.app_metadata.manager.email;
  console.log(`${country} ${manager}`);
};
