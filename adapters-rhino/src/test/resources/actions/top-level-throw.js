const config = JSON.parse('{"broken":');

exports.onExecutePostLogin = async (event, api) => {};
