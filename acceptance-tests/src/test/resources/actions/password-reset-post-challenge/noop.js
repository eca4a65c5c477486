exports.onExecutePostChallenge = async (event, api) => {};
