exports.onExecutePostLogin = async (event, api) => {
  const order = [];
  await new Promise((resolve) => {
    setTimeout(() => { order.push('slow'); resolve(); }, 20);
    setTimeout(() => order.push('fast'), 1);
    const t = setTimeout(() => order.push('cancelled'), 5);
    clearTimeout(t);
    Promise.resolve().then(() => order.push('microtask'));
  });
  api.accessToken.setCustomClaim('https://x/order', order);
};
