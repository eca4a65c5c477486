exports.onExecutePostLogin = async (event, api) => {
  if (event.client.metadata?.require_org && !event.organization) {
    api.validation.error('org_required', `Log in through your organization to use ${event.client.name}`);
  }
};
