exports.onExecutePostLogin = async (event, api) => {
  console.log(`plan=${event.user.app_metadata.plan ?? 'none'} email=${event.user.email}`);
  console.log(`tx=${event.transaction.metadata.sneaky ?? 'none'} secrets=${Object.keys(event.secrets).join(',') || 'none'}`);
};
