exports.onExecuteCustomTokenExchange = async (event, api) => {
  const profile = { user_id: 'ext-7781', email: 'ext.user@example.com', email_verified: true, given_name: 'Ext' };
  api.authentication.setUserByConnection(
    'partner-directory',
    { ...profile, name: `${profile.given_name} User` },
    { creationBehavior: 'create_if_not_exists', updateBehavior: 'none' },
  );
};
