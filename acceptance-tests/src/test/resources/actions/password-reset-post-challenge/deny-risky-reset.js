exports.onExecutePostChallenge = async (event, api) => {
  const country = event.request.geoip?.countryCode;
  const blocked = (event.secrets.BLOCKED_COUNTRIES ?? '').split(',');
  if (blocked.includes(country)) {
    api.access.deny(`Password resets from ${country} need a support ticket`);
  }
};
