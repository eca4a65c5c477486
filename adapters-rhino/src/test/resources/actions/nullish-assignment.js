exports.onExecutePostLogin = async (event, api) => {
  const settings = { theme: null, lang: 'en' };
  settings.theme ??= 'dark';
  settings.lang ||= 'fr';
  let count = 0;
  count ||= 5;
  const label = event.user.nickname ?? event.user.name ?? 'anonymous';
  api.accessToken.setCustomClaim('https://x/settings', { ...settings, count, label });
};
