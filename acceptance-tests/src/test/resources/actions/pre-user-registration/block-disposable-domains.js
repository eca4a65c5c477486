const BLOCKED = ['mailinator.com', 'tempmail.dev'];

exports.onExecutePreUserRegistration = async (event, api) => {
  const domain = event.user.email?.split('@')[1]?.toLowerCase();
  if (domain && BLOCKED.includes(domain)) {
    api.access.deny(`blocked_domain:${domain}`, 'Please sign up with your work email address.');
    return;
  }
  console.log(`domain ${domain} allowed`);
};
