function* range(start, end) {
  for (let i = start; i < end; i++) {
    yield i;
  }
}

exports.onExecutePostLogin = async (event, api) => {
  const numbers = [...range(1, 4)];
  const it = range(0, 2);
  it.next();
  api.accessToken.setCustomClaim('https://x/range', numbers);
  api.accessToken.setCustomClaim('https://x/next', it.next().value);
};
