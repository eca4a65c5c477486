exports.onExecutePostLogin = async (event, api) => {
  const { SLACK_WEBHOOK } = event.secrets;
  if (!SLACK_WEBHOOK) {
    throw new Error('SLACK_WEBHOOK is not configured');
  }
};
