exports.onExecutePostLogin = async (event, api) => {
  if (event.authentication?.riskAssessment?.confidence === 'low') {
    api.session.revoke('risky login', { preserveRefreshTokens: true });
  }
};
