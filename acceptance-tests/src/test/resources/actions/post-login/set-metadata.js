exports.onExecutePostLogin = async (event, api) => {
  api.user.setAppMetadata('plan', 'gold');
  api.user.setUserMetadata('theme', 'dark');
  api.user.setUserMetadata('legacy_id', null);
  // the calling action never sees its own metadata changes
  console.log(`same action sees plan=${event.user.app_metadata.plan ?? 'none'}`);
  console.log(`same action sees legacy_id=${event.user.user_metadata.legacy_id}`);
};
