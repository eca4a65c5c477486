exports.onExecutePostChallenge = async (event, api) => {
  const factors = event.user.enrolledFactors?.map(({ type }) => ({ type })) ?? [];
  if (factors.length > 0) {
    api.authentication.challengeWithAny(factors);
    console.log(`challenging with ${factors.map((f) => f.type).join('+')}`);
  }
};
