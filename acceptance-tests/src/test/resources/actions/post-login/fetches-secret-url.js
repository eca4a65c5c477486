exports.onExecutePostLogin = async (event, api) => {
  try {
    await fetch(event.secrets.WEBHOOK);
  } catch (e) {
    console.log('webhook failed: ' + e.message);
  }
  await fetch(event.secrets.WEBHOOK, { method: 'POST', body: '{}' });
};
