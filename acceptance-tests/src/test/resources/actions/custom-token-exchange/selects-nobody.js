exports.onExecuteCustomTokenExchange = async (event, api) => {
  console.log(`validated ${event.transaction.subject_token_type} but forgot to pick a user`);
};
