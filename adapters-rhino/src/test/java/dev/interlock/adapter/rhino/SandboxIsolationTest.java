package dev.interlock.adapter.rhino;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.execution.ExecutionStatus;
import dev.interlock.testkit.EngineFixture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Nothing one execution does to built-ins, prototypes, globals or the shared host objects is
 * visible to the next: every attack runs, then a probe compares a fingerprint of the environment
 * with the one taken before.
 */
class SandboxIsolationTest {
  private static final String PROBE =
      String.join("\n",
          "exports.onExecutePostLogin = async (event, api) => {",
          "  const fp = [",
          "    ({}).polluted, [].polluted, ''.polluted, (function () {}).polluted, typeof globalThis.polluted,",
          "    typeof polluted, Object.keys(Object.prototype).length, Object.getOwnPropertyNames(Object.prototype).length,",
          "    Object.getOwnPropertyNames(Array.prototype).length, Object.getPrototypeOf(Array.prototype) === Object.prototype,",
          "    Object.getPrototypeOf(Function.prototype) === Object.prototype, Object.isExtensible(Object.prototype),",
          "    Object.isExtensible(Array.prototype), Object.isFrozen(Object.prototype), [1, 2].map((x) => x * 2).join(),",
          "    JSON.parse('[1]').length, Math.random() < 1, String(Array.of(1, 2)), String(Array.from([3])),",
          "    [1, 2].slice().constructor === Array, RegExp.$1, Object.prototype[0], Object.prototype.length,",
          "    typeof Array.prototype.map, 'abc'.toString(), typeof Promise.prototype.then, typeof console.log,",
          "    typeof api.access.deny, [...[1, 2]].length, typeof setTimeout.polluted, typeof Error.polluted,",
          "    Object.getOwnPropertyNames(Error).length, typeof Symbol.iterator, typeof globalThis['$' + 'jscomp'],",
          "    typeof Array[Symbol.species], String([1, 2].map((x) => x)), Object.getOwnPropertyNames(api).join(),",
          "    typeof JSON.stringify, new Date(0).toISOString(), typeof String.prototype.polluted,",
          "  ];",
          "  await Promise.resolve();",
          "  for (const x of [1]) { fp.push(x); }",
          "  console.log(JSON.stringify(fp.map(String)));",
          "};");

  private static EngineFixture engine;
  private static String baseline;

  @BeforeAll
  static void takeBaseline() {
    engine = Scripts.engine();
    baseline = probe();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  private static String probe() {
    ExecutionRecord r = Scripts.run(engine, PROBE);
    assertThat(r.status()).as(String.valueOf(r.results().get(0).error())).isEqualTo(ExecutionStatus.COMPLETED);
    return r.results().get(0).logs().get(0).message();
  }

  static Stream<Arguments> attacks() {
    return Stream.of(
        Arguments.of("assignment to Object.prototype", "Object.prototype.polluted = 1;"),
        Arguments.of("Object.defineProperty on a prototype", "Object.defineProperty(Object.prototype, 'polluted', { value: 1 });"),
        Arguments.of("Object.defineProperties", "Object.defineProperties(Array.prototype, { polluted: { value: 1 } });"),
        Arguments.of("Reflect.defineProperty", "Reflect.defineProperty(Object.prototype, 'polluted', { value: 1 });"),
        Arguments.of("Object.setPrototypeOf on a prototype", "Object.setPrototypeOf(Array.prototype, { polluted: 1 });"),
        Arguments.of("Reflect.setPrototypeOf", "Reflect.setPrototypeOf(Function.prototype, null);"),
        Arguments.of("__proto__ assignment", "Array.prototype.__proto__ = { polluted: 1 };"),
        Arguments.of("__proto__ on Object.prototype", "Object.prototype.__proto__ = { polluted: 1 };"),
        Arguments.of("freeze then write", "Object.freeze(Object.prototype); Object.prototype.polluted = 1;"),
        Arguments.of("seal then write", "Object.seal(String.prototype); String.prototype.polluted = 1;"),
        Arguments.of("preventExtensions then write", "Object.preventExtensions(Array.prototype); Array.prototype.polluted = 1;"),
        Arguments.of("Reflect.preventExtensions then write", "Reflect.preventExtensions(Object.prototype); Object.prototype.polluted = 1;"),
        Arguments.of("replacing a prototype method", "Array.prototype.map = () => 'hacked';"),
        Arguments.of("deleting a prototype method", "delete Array.prototype.map;"),
        Arguments.of("Symbol.species redefinition", "Object.defineProperty(Array, Symbol.species, { get() { return function () { return {}; }; } });"),
        Arguments.of("Array.of with a foreign constructor", "Array.of.call(function () { return Object.prototype; }, 'polluted');"),
        Arguments.of("Array.from with a foreign constructor", "Array.from.call(function () { return Array.prototype; }, ['polluted']);"),
        Arguments.of("__defineGetter__ on a prototype", "Object.prototype.__defineGetter__('polluted', () => 1);"),
        Arguments.of("globalThis property", "globalThis.polluted = 1;"),
        Arguments.of("implicit global through Function", "Function('polluted = 1')();"),
        Arguments.of("constructor chain to the global", "this.constructor.constructor('return this')().polluted = 1;"),
        Arguments.of("replacing JSON.parse", "JSON.parse = () => 'hacked';"),
        Arguments.of("replacing Math.random", "Math.random = () => 4;"),
        Arguments.of("RegExp statics", "/(secret-value)/.exec('secret-value');"),
        Arguments.of("Promise.prototype.then", "Promise.prototype.then = function () { return 1; };"),
        Arguments.of("transpiler helpers through eval", "const h = eval('$' + 'jscomp'); h.asyncExecutePromiseGeneratorProgram = null; h.polluted = 1;"),
        Arguments.of("transpiler helpers through the global", "globalThis['$' + 'jscomp'].polluted = 1;"),
        Arguments.of("Symbol.iterator of arrays", "Array.prototype[Symbol.iterator] = function* () {};"),
        Arguments.of("console methods", "console.log = () => {}; console.polluted = 1;"),
        Arguments.of("api object", "api.access.deny = () => {}; api.polluted = 1; delete api.access;"),
        Arguments.of("Object.assign onto a prototype", "Object.assign(Object.prototype, { polluted: 1 });"),
        Arguments.of("host functions", "setTimeout.polluted = 1; Error.polluted = 1; String.prototype.polluted = 1;"),
        Arguments.of("Error statics", "Error.prepareStackTrace = () => 'x'; Error.captureStackTrace = 1;"),
        Arguments.of("Date prototype", "Date.prototype.toISOString = () => 'never';"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("attacks")
  void leavesTheNextExecutionUnaffectedBy(String name, String attack) {
    String code = String.join("\n",
        "exports.onExecutePostLogin = async (event, api) => {",
        "  for (const step of [() => { " + attack + " }]) {",
        "    try { step(); } catch (e) { console.log('blocked: ' + e.message); }",
        "  }",
        "};");

    Scripts.run(engine, code);

    assertThat(probe()).isEqualTo(baseline);
  }

  @ParameterizedTest(name = "{0} at top level")
  @MethodSource("attacks")
  void leavesTheNextExecutionUnaffectedByTopLevelCode(String name, String attack) {
    String code = "try { (function (api) { " + attack + " })({ access: {} }); } catch (e) {}\n"
        + "exports.onExecutePostLogin = async (event, api) => {};";

    Scripts.run(engine, code);

    assertThat(probe()).isEqualTo(baseline);
  }

  @Test
  void leavesTheScriptsOwnObjectsFreeToChange() {
    String code = String.join("\n",
        "class Temp { constructor() { this.c = 21; } get twice() { return this.c * 2; } static make() { return new Temp(); } }",
        "exports.onExecutePostLogin = async (event, api) => {",
        "  const frozen = Object.freeze({ a: 1 });",
        "  const o = {}; o.toString = () => 'own'; Object.defineProperty(o, 'x', { value: 5 });",
        "  const p = Object.setPrototypeOf({}, { inherited: 'yes' });",
        "  const q = {}; q.__proto__ = { viaProto: 'ok' };",
        "  const bare = Object.create(null); bare.k = 1;",
        "  const arr = Array.of(1, 2); const from = Array.from('ab');",
        "  console.log([Object.isFrozen(frozen), String(o), o.x, p.inherited, q.viaProto, bare.k, Temp.make().twice, arr.length, from.join('')].join());",
        "};");

    ExecutionRecord r = Scripts.run(engine, code);

    assertThat(r.results().get(0).logs().get(0).message()).isEqualTo("true,own,5,yes,ok,1,42,2,ab");
  }

  @Test
  void exposesNoJavaOrContinuations() {
    String code = "exports.onExecutePostLogin = async (event, api) => { console.log([typeof java, typeof Packages, "
        + "typeof Continuation, typeof importPackage, typeof JavaAdapter, typeof getClass, typeof load, typeof JavaImporter, "
        + "typeof org, typeof com].join()); };";

    ExecutionRecord r = Scripts.run(engine, code);

    assertThat(r.results().get(0).logs().get(0).message())
        .isEqualTo("undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined");
  }

  @Test
  void handsScriptsOnlyJavaScriptValues() {
    String code = "exports.onExecutePostLogin = async (event, api) => { console.log([api.access.deny.constructor === Function, "
        + "Object.getPrototypeOf(event) === Object.prototype, Array.isArray(event.transaction.requested_scopes), "
        + "typeof event.user.logins_count, typeof api.cache.get('x'), String(api.access.deny.getClass)].join()); };";

    ExecutionRecord r = Scripts.run(engine, code);

    assertThat(r.results().get(0).logs().get(0).message()).isEqualTo("true,true,true,number,undefined,undefined");
  }

  @Test
  void keepsTopLevelVariablesPerExecution() {
    String code = "var counter = (typeof counter === 'number' ? counter : 0) + 1; leaked = (typeof leaked === 'number' ? leaked : 0) + 1;\n"
        + "exports.onExecutePostLogin = async (event, api) => { console.log(counter + ',' + leaked); };";

    ExecutionRecord first = Scripts.run(engine, code);
    ExecutionRecord second = Scripts.run(engine, code);

    assertThat(first.results().get(0).logs().get(0).message()).isEqualTo("1,1");
    assertThat(second.results().get(0).logs().get(0).message()).isEqualTo("1,1");
  }
}
