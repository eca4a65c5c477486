exports.onExecutePostLogin = async (event, api) => {
  // a community trick: set, then withdraw with undefined so nothing is written
  api.user.setAppMetadata('scratch', 'temporary');
  api.user.setAppMetadata('scratch', undefined);
  api.user.setAppMetadata('kept', 1);
};
