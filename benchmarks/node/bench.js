// Node.js comparison for docs/performance.md: the same action and event as the JMH benchmark,
// each execution in a fresh vm context (the isolation the Rhino runtime gives every execution).
// Usage: node benchmarks/node/bench.js [seconds]
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');

const code = fs.readFileSync(path.join(__dirname, 'action.js'), 'utf8');
const eventJson = fs.readFileSync(path.join(__dirname, 'event.json'), 'utf8');
const script = new vm.Script(`(function (module, exports) {\n${code}\n})`, { filename: 'action.js' });
const seconds = Number(process.argv[2] || 10);

function makeApi(commands) {
  const api = {};
  const record = (name) => (...args) => { commands.push([name, args]); return api; };
  api.access = { deny: record('access.deny') };
  api.accessToken = { setCustomClaim: record('accessToken.setCustomClaim'), addScope: record('accessToken.addScope') };
  return api;
}

async function isolated() {
  const context = vm.createContext({});
  const wrapper = script.runInContext(context);
  const module = vm.runInContext('({ exports: {} })', context);
  wrapper(module, module.exports);
  const event = vm.runInContext('JSON.parse', context)(eventJson);
  const commands = [];
  await module.exports.onExecutePostLogin(event, makeApi(commands));
  if (commands.length !== 3) throw new Error('unexpected commands ' + JSON.stringify(commands));
}

// Reference only: no isolation, one shared context, event parsed per run.
const shared = (() => {
  const module = { exports: {} };
  new vm.Script(`(function (module, exports) {\n${code}\n})`).runInThisContext()(module, module.exports);
  return module.exports.onExecutePostLogin;
})();
async function direct() {
  const commands = [];
  await shared(JSON.parse(eventJson), makeApi(commands));
}

async function measure(name, fn) {
  const warmUntil = Date.now() + 2000;
  while (Date.now() < warmUntil) await fn();
  const samples = [];
  const end = process.hrtime.bigint() + BigInt(seconds) * 1000000000n;
  const start = process.hrtime.bigint();
  let now = start;
  while (now < end) {
    const t0 = process.hrtime.bigint();
    await fn();
    now = process.hrtime.bigint();
    samples.push(Number(now - t0) / 1000);
  }
  samples.sort((a, b) => a - b);
  const total = Number(now - start) / 1e9;
  const pct = (p) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))].toFixed(1);
  console.log(`${name}: median ${pct(0.5)} us, p90 ${pct(0.9)} us, p99 ${pct(0.99)} us, ` +
    `${Math.round(samples.length / total)} executions/s (${samples.length} runs, node ${process.version})`);
}

(async () => {
  await measure('node vm.createContext per execution', isolated);
  await measure('node direct call, shared context (no isolation)', direct);
})();
