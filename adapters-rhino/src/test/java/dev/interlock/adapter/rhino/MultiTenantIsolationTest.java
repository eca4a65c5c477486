package dev.interlock.adapter.rhino;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.execution.ActionResult;
import dev.interlock.core.execution.Command;
import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.execution.ExecutionStatus;
import dev.interlock.core.execution.LogEntry;
import dev.interlock.testkit.EngineFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One engine, two tenants: an attacker's action tries every known way to hook what a victim's
 * action uses (built-ins, host globals, module objects, iterator prototypes, internal slots,
 * transpiler helpers, the symbol registry) so as to read the victim's secret or change its
 * claims; the victim runs after it, interleaved and concurrently, and must behave exactly as it
 * does alone, and a collector run by the attacker must find nothing of the victim's.
 */
class MultiTenantIsolationTest {
  private static final String VICTIM = String.join("\n",
      "exports.onExecutePostLogin = async (event, api) => {",
      "  const key = event.secrets.API_KEY;",
      "  const crypto = require('crypto');",
      "  const parts = [];",
      "  for (const x of ['a', 'b']) parts.push(x);",
      "  for (const [k, v] of new Map([['m', 1]])) parts.push(k + v);",
      "  for (const c of 'cd') parts.push(c);",
      "  const sig = crypto.createHmac('sha256', key).update('payload').digest('hex');",
      "  const hash = crypto.createHash('sha256').update(key).digest('base64');",
      "  const header = new Headers({ Authorization: 'Bearer ' + key }).get('authorization');",
      "  const encoded = Buffer.from(key).toString('hex').length + btoa(key).length;",
      "  api.accessToken.setCustomClaim('https://victim.example/role', ['user'].includes('user') ? 'user' : 'admin');",
      "  api.accessToken.setCustomClaim('https://victim.example/sig', sig.length + hash.length + header.length + encoded);",
      "  const probe = [new Date(0).getTime(), /a(b)/.exec('ab')[1], Symbol.for('victim') === Symbol.for('victim'),",
      "    Symbol.keyFor(Symbol.for('victim')), JSON.stringify({ n: [1, 2].indexOf(2) }), String(Object.keys({ z: 1 })),",
      "    [3, 1, 2].sort().join(''), 'x'.concat('y'), typeof fetch, Math.max(1, 2), new URL('https://a.example/p').host];",
      "  console.log('victim', parts.join(''), probe.join('|'));",
      "  await Promise.resolve(1).then((v) => v);",
      "  console.log('victim done');",
      "};");

  /** Reads back every place an attacker could have stashed what its hooks saw. */
  private static final String COLLECTOR = String.join("\n",
      "exports.onExecutePostLogin = async (event, api) => {",
      "  const places = [globalThis.loot, Object.prototype.loot, Array.prototype.loot, Function.prototype.loot, ({}).loot,",
      "    Object.getPrototypeOf(globalThis).loot, console.loot, JSON.loot, Math.loot, require('crypto').loot,",
      "    Object.getPrototypeOf([][Symbol.iterator]()).loot, Date.prototype.getTime.call(new Date(0)),",
      "    Object.prototype[Symbol.for('loot')], typeof Symbol.for('loot')];",
      "  console.log('collected', JSON.stringify(places));",
      "};");

  /** Each hook stores what it sees in every place the collector reads, and lies to its caller. */
  private static final String STEAL =
      "function steal(x) { try { globalThis.loot = Object.prototype.loot = Array.prototype.loot = console.loot = String(x); } catch (e) {} }";

  private static final String SECRET = "victim-secret-7b2f9c4e1d";

  private static EngineFixture engine;
  private static ActionResult alone;

  @BeforeAll
  static void runVictimAlone() {
    engine = Scripts.engine();
    alone = victim(SECRET);
    assertThat(alone.status().name()).isEqualTo("COMPLETED");
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  static Stream<Arguments> hooks() {
    return Stream.of(
        Arguments.of("console.log replaced", "console.log = function (...a) { steal(a.join(' ')); };"),
        Arguments.of("console.log redefined", "Object.defineProperty(console, 'log', { value: (...a) => steal(a.join(' ')) });"),
        Arguments.of("JSON.stringify hooked", "const s = JSON.stringify; JSON.stringify = (v) => { steal(v); return s(v); };"),
        Arguments.of("fetch on the shared global", "Object.getPrototypeOf(globalThis).fetch = (u, o) => steal(JSON.stringify(o));"),
        Arguments.of("Headers.prototype.get hooked", "Headers.prototype.get = function (n) { steal(n); return 'hacked'; };"),
        Arguments.of("Array.prototype.includes hooked", "Object.defineProperty(Array.prototype, 'includes', { value: () => false });"),
        Arguments.of("array iterator next", "const p = Object.getPrototypeOf([][Symbol.iterator]()); p.next = () => ({ done: true });"),
        Arguments.of("array iterator next redefined",
            "Object.defineProperty(Object.getPrototypeOf([][Symbol.iterator]()), 'next', { value: () => ({ done: true }) });"),
        Arguments.of("map iterator next", "Object.getPrototypeOf(new Map().entries()).next = () => ({ done: true });"),
        Arguments.of("string iterator next", "Object.getPrototypeOf(''[Symbol.iterator]()).next = () => ({ done: true });"),
        Arguments.of("iterator prototype internal state", "const p = Object.getPrototypeOf([][Symbol.iterator]()); p.next.call(p);"),
        Arguments.of("crypto module function", "require('crypto').createHmac = (a, k) => { steal(k); return null; };"),
        Arguments.of("crypto Hmac prototype", "const h = require('crypto').createHmac('sha256', 'k'); "
            + "Object.getPrototypeOf(h).update = function (d) { steal(d); return this; }; Object.getPrototypeOf(h).loot = 1;"),
        Arguments.of("crypto Hash prototype", "Object.getPrototypeOf(require('crypto').createHash('sha256')).digest = () => 'x';"),
        Arguments.of("Buffer prototype", "Buffer.prototype.toString = function () { steal(this); return ''; };"),
        Arguments.of("transpiler helpers through eval", "const h = eval('$' + 'jscomp'); h.makeIterator = (x) => { steal(x); return [][Symbol.iterator](); };"),
        Arguments.of("transpiler helpers through Function", "const h = Function('return this[\"$\" + \"jscomp\"]')(); h.inherits = null;"),
        Arguments.of("Object.defineProperty on Object.prototype", "Object.defineProperty(Object.prototype, 'API_KEY', { set(v) { steal(v); }, get() { return 'x'; } });"),
        Arguments.of("tamed setter called on the prototype", "Object.getOwnPropertyDescriptor(Object.prototype, 'toString').set.call(Object.prototype, () => 'x');"),
        Arguments.of("Function.prototype.call", "Function.prototype.call = function () { steal(arguments[1]); };"),
        Arguments.of("Promise.prototype.then", "const t = Promise.prototype.then; Promise.prototype.then = function (f, r) { return t.call(this, (v) => { steal(v); return f(v); }, r); };"),
        Arguments.of("Date.prototype internal slot", "Date.prototype.setTime.call(Date.prototype, 42); Date.prototype.getTime = () => 42;"),
        Arguments.of("RegExp.prototype internal slot", "RegExp.prototype.compile.call(RegExp.prototype, 'x', 'g'); RegExp.prototype.exec = () => null;"),
        Arguments.of("Symbol registry", "Object.prototype[Symbol.for('loot')] = 'stolen'; Symbol.for('victim').loot = 1;"),
        Arguments.of("Array.prototype.sort", "Array.prototype.sort = function () { steal(this); return this; };"),
        Arguments.of("String.prototype.concat", "String.prototype.concat = function () { return 'hacked'; };"),
        Arguments.of("api functions", "api.accessToken.setCustomClaim.call = () => {}; Object.setPrototypeOf(api.accessToken.setCustomClaim, {});"),
        Arguments.of("prototype of the global", "Object.setPrototypeOf(Object.getPrototypeOf(globalThis), { loot: 'x' });"),
        Arguments.of("URL prototype", "Object.defineProperty(URL.prototype, 'host', { get() { return 'evil.example'; } });"),
        Arguments.of("Math and Object.keys", "Math.max = () => 0; Object.keys = () => ['hacked'];"),
        Arguments.of("Error.prototype.toString", "Error.prototype.toString = function () { steal(this.message); return ''; };"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hooks")
  void victimIsUnaffectedAndNothingLeaks(String name, String hook) {
    String attacker = STEAL + "\nexports.onExecutePostLogin = async (event, api) => {\n"
        + "  try { " + hook + " } catch (e) { console.log('blocked: ' + e.message); }\n};";

    ExecutionRecord attack = Scripts.run(engine, attacker);
    ActionResult victim = victim(SECRET);
    String collected = collect();

    assertThat(attack.status()).isNotEqualTo(ExecutionStatus.FAILED);
    assertSameAsAlone(victim);
    assertThat(collected).doesNotContain(SECRET).doesNotContain("victim").doesNotContain("hacked").doesNotContain("stolen");
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void concurrentAttackersNeitherChangeNorReadConcurrentVictims() throws Exception {
    List<String> hooks = hooks().map(a -> (String) a.get()[1]).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<ActionResult>> victims = new ArrayList<>();
      List<Future<String>> collectors = new ArrayList<>();
      for (int round = 0; round < 3; round++) {
        for (String hook : hooks) {
          String attacker = STEAL + "\nexports.onExecutePostLogin = async (event, api) => { try { " + hook + " } catch (e) {} };";
          pool.submit(() -> Scripts.run(engine, attacker));
          victims.add(pool.submit(() -> victim(SECRET)));
          collectors.add(pool.submit(MultiTenantIsolationTest::collect));
        }
      }

      for (Future<ActionResult> v : victims) {
        assertSameAsAlone(v.get(60, TimeUnit.SECONDS));
      }
      for (Future<String> c : collectors) {
        assertThat(c.get(60, TimeUnit.SECONDS)).doesNotContain(SECRET).doesNotContain("victim");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void everyObjectTheHostLayerHandsOutInheritsOnlyFrozenObjects() {
    String code = String.join("\n",
        "exports.onExecutePostLogin = async (event, api) => {",
        "  const crypto = require('crypto'), axios = require('axios'), jose = require('jose'), jwt = require('jsonwebtoken');",
        "  const EventEmitter = require('events'), auth0 = require('auth0');",
        "  const made = { hash: crypto.createHash('sha256'), hmac: crypto.createHmac('sha256', 'k'),",
        "    sign: crypto.createSign('RSA-SHA256'), axiosInstance: axios.create(), interceptors: axios.create().interceptors.request,",
        "    emitter: new EventEmitter(), headers: new Headers(), response: new Response('x'), url: new URL('https://a.example'),",
        "    params: new URLSearchParams('a=1'), buffer: Buffer.from('x'), controller: new AbortController(),",
        "    signal: new AbortController().signal, encoder: new TextEncoder(), decoder: new TextDecoder(),",
        "    jwtError: new jwt.JsonWebTokenError('x'), secretKey: crypto.createSecretKey ? crypto.createSecretKey(Buffer.from('k')) : {},",
        "    management: new auth0.ManagementClient({ domain: 'a.example', clientId: 'i', clientSecret: 's' }),",
        "    authentication: new auth0.AuthenticationClient({ domain: 'a.example', clientId: 'i' }),",
        "    signJwt: new jose.SignJWT({}), domException: new DOMException('x'), promise: Promise.resolve(), error: new TypeError('x') };",
        "  const open = [];",
        "  for (const [name, value] of Object.entries(made)) {",
        "    for (let p = Object.getPrototypeOf(value); p !== null; p = Object.getPrototypeOf(p)) {",
        "      if (!Object.isFrozen(p)) open.push(name);",
        "    }",
        "  }",
        "  console.log('open: ' + open.join());",
        "};");

    ExecutionRecord r = Scripts.run(engine, code);

    assertThat(r.status()).as(String.valueOf(r.results().get(0).error())).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(r.results().get(0).logs().get(0).message()).isEqualTo("open: ");
  }

  @Test
  void keepsTheSymbolRegistryPerExecution() {
    String code = "exports.onExecutePostLogin = async (event, api) => {\n"
        + "  const first = typeof globalThis.seen === 'undefined';\n"
        + "  const s = Symbol.for('shared-key');\n"
        + "  console.log([Symbol.for('shared-key') === s, Symbol.keyFor(s), Symbol.keyFor(Symbol('x')), first].join());\n"
        + "};";

    ExecutionRecord one = Scripts.run(engine, code);
    ExecutionRecord two = Scripts.run(engine, code);

    assertThat(one.results().get(0).logs().get(0).message()).isEqualTo("true,shared-key,,true");
    assertThat(two.results().get(0).logs().get(0).message()).isEqualTo("true,shared-key,,true");
  }

  @Test
  void refusesCodeThatNamesTheTranspilersHelpers() {
    String code = "exports.onExecutePostLogin = async (event, api) => {\n  console.log(typeof $jscomp);\n};";

    ExecutionRecord r = Scripts.run(engine, code);

    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.results().get(0).error().message()).contains("reserved");
  }

  @Test
  void givesEachExecutionItsOwnApiObject() {
    String code = "exports.onExecutePostLogin = async (event, api) => {\n"
        + "  const before = typeof api.noop;\n"
        + "  api.noop = () => 'mine'; api.accessToken.extra = 1;\n"
        + "  console.log([before, api.noop(), api.accessToken.extra, api.access.deny === api.access.deny].join());\n"
        + "};";

    ExecutionRecord one = Scripts.run(engine, code);
    ExecutionRecord two = Scripts.run(engine, code);

    assertThat(one.results().get(0).logs().get(0).message()).isEqualTo("undefined,mine,1,true");
    assertThat(two.results().get(0).logs().get(0).message()).isEqualTo("undefined,mine,1,true");
  }

  private static ActionResult victim(String secret) {
    return Scripts.run(engine, VICTIM, Map.of("API_KEY", secret), Scripts.Events.login()).record().results().get(0);
  }

  private static String collect() {
    ExecutionRecord r = Scripts.run(engine, COLLECTOR);
    return r.results().get(0).logs().stream().map(LogEntry::message).toList().toString()
        + r.results().get(0).error();
  }

  private static void assertSameAsAlone(ActionResult victim) {
    assertThat(victim.status()).as(String.valueOf(victim.error())).isEqualTo(alone.status());
    assertThat(victim.commands().stream().map(Command::toString).toList())
        .isEqualTo(alone.commands().stream().map(Command::toString).toList());
    assertThat(victim.logs().stream().map(LogEntry::message).toList())
        .isEqualTo(alone.logs().stream().map(LogEntry::message).toList());
  }
}
