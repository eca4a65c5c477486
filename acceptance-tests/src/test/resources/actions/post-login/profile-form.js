exports.onExecutePostLogin = async (event, api) => {
  if (event.user.user_metadata?.company) {
    return;
  }
  api.prompt.render('ap_progressive_profile', {
    vars: { email: event.user.email },
    fields: { company: '' },
  });
};

exports.onContinuePostLogin = async (event, api) => {
  const company = event.prompt?.fields?.company?.trim();
  console.log(`form ${event.prompt?.id} answered with ${company}`);
  api.user.setUserMetadata('company', company);
};
