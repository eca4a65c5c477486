class ScopePolicy {
  static defaults = ['openid'];
  extra = [];

  with(scope) {
    this.extra.push(scope);
    return this;
  }

  get all() {
    return [...ScopePolicy.defaults, ...this.extra];
  }
}

async function* loginPages() {
  yield [{ day: 'mon', count: 2 }];
  yield [{ day: 'tue', count: 3 }];
}

exports.onExecutePostLogin = async (event, api) => {
  const policy = new ScopePolicy().with('profile').with('email');
  const settings = { theme: null };
  settings.theme ??= 'light';
  settings.locale ||= event.request.language;

  let total = 0;
  for await (const page of loginPages()) {
    total += page.reduce((sum, { count }) => sum + count, 0);
  }

  const [geo, fastest] = await Promise.all([
    Promise.resolve(event.request.geoip?.countryCode),
    Promise.any([Promise.reject(new Error('slow')), new Promise((r) => setTimeout(() => r('fast'), 1))]),
  ]);

  let parsed;
  try {
    parsed = JSON.parse(event.user.user_metadata.prefs);
  } catch {
    parsed = { fallback: true };
  }

  const byParity = Object.groupBy([1, 2, 3, 4_000], (n) => (n % 2 ? 'odd' : 'even'));
  const summary = {
    scopes: policy.all,
    settings,
    total,
    geo,
    fastest,
    parsed,
    byParity,
    last: [[1], [2, [3]]].flat(2).at(-1),
    sorted: [3, 1, 2].toSorted(),
    upper: Object.fromEntries(Object.entries({ a: 'x' }).map(([k, v]) => [k, v.toUpperCase()])),
    path: 'a-b-c'.replaceAll('-', '/'),
    hasPlan: Object.hasOwn(event.user.app_metadata, 'plan'),
    cause: new Error('outer', { cause: 'inner' }).cause,
    missing: event.user.app_metadata.getPlan?.() ?? 'n/a',
  };
  console.log(JSON.stringify(summary));
};
