exports.onExecutePostLogin = async (event, api) => {
  await null;
  const user = event.user;
  if (user.email.endsWith('@example.com')) {
    throw new RangeError(`Domain not allowed for ${user.email}`);
  }
};
