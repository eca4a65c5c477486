exports.onExecuteCustomTokenExchange = async (event, api) => {
  api.authentication.setUserById('auth0|owner-1');
  api.authentication.setActor({ sub: 'agent-7', type: 'ai-agent', act: { sub: 'orchestrator' } });
  api.authentication.setOrganization('org_acme');
};
