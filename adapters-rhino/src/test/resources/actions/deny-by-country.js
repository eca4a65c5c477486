const BLOCKED = ['KP', 'IR', 'GB'];

exports.onExecutePostLogin = async (event, api) => {
  const country = event.request?.geoip?.countryCode;
  if (country && BLOCKED.includes(country)) {
    return api.access.deny(`Logins from ${country} are not allowed`);
  }
};
