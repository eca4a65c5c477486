exports.onExecutePostLogin = async (event, api) => {
  api.redirect.sendUserTo('https://partner.example.com/auth?scope=read&scope=write&next=%2Fhome#top', {
    query: { note: 'a b&c=d/é', email: event.user.email },
  });
};
