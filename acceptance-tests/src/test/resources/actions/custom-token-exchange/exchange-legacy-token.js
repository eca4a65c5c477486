/** Accepts "legacy.<user number>.<signature>" tokens issued by the old session service. */
exports.onExecuteCustomTokenExchange = async (event, api) => {
  const [prefix, sub, signature] = event.transaction.subject_token.split('.');
  if (prefix !== 'legacy' || !/^\d+$/.test(sub ?? '') || signature !== event.secrets.LEGACY_SIGNATURE) {
    api.access.rejectInvalidSubjectToken('subject token is not a valid legacy session token');
    return;
  }
  api.authentication.setUserById(`legacy|${sub}`);
  api.user.setAppMetadata('migrated_from', 'legacy');
  console.log(`exchanged legacy session of ${sub}`);
};
