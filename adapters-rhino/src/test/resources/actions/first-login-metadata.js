exports.onExecutePostLogin = async (event, api) => {
  const count = event.stats?.logins_count ?? 0;
  if (count <= 1) {
    api.user.setAppMetadata('onboarded', false);
  } else if (!event.user.app_metadata?.first_seen) {
    api.user.setAppMetadata('first_seen', new Date(0).toISOString());
  }
};
