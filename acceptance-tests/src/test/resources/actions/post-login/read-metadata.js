exports.onExecutePostLogin = async (event, api) => {
  const { app_metadata: app, user_metadata: prefs } = event.user;
  console.log(`next action sees plan=${app.plan ?? 'none'}`);
  console.log(`next action sees theme=${prefs?.theme ?? 'none'}`);
  console.log(`next action sees legacy_id=${'legacy_id' in prefs ? prefs.legacy_id : 'deleted'}`);
};
