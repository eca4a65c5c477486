exports.onExecutePreUserRegistration = async (event, api) => {
  const source = event.request.body?.utm_source ?? 'direct';
  api.user.setAppMetadata('signup_source', source);
  api.user.setAppMetadata('signup_ip', event.request.ip);
  api.user.setUserMetadata('preferred_language', event.request.language ?? 'en');
};
