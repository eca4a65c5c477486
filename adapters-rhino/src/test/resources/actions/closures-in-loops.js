exports.onExecutePostLogin = async (event, api) => {
  const fns = [];
  for (let i = 0; i < 3; i++) {
    fns.push(() => i);
  }
  const values = fns.map((f) => f());
  {
    const values = 'shadowed';
    console.log(values);
  }
  api.accessToken.setCustomClaim('https://x/loop', values);
};
