class Counter {
  #count = 0;
  increment() {
    this.#count += 1;
    return this.#count;
  }
}

exports.onExecutePostLogin = async (event, api) => {
  const c = new Counter();
  c.increment();
  api.idToken.setCustomClaim('https://example.com/count', c.increment());
};
