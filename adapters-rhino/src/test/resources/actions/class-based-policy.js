class Policy {
  constructor(rules) {
    this.rules = rules;
  }
  evaluate(user) {
    return this.rules.every((rule) => rule(user));
  }
}

class AdminPolicy extends Policy {
  constructor() {
    super([(u) => (u.app_metadata?.roles ?? []).includes('admin')]);
  }
  evaluate(user) {
    const ok = super.evaluate(user);
    console.log(`AdminPolicy: ${ok ? 'allowed' : 'denied'}`);
    return ok;
  }
}

exports.onExecutePostLogin = async (event, api) => {
  const policy = new AdminPolicy();
  if (policy.evaluate(event.user)) {
    api.accessToken.addScope('admin:all');
  }
};
