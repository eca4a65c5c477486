exports.onExecutePostLogin = async (event, api) => {
  let i = 0;
  while (event.user.user_id) {
    i += 1;
  }
  console.log(i);
};
