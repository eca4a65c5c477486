exports.onExecutePostLogin = (event, api) => Promise.reject({ code: 42 });
