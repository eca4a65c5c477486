package dev.interlock.adapter.rhino;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.EngineConfig;
import dev.interlock.core.execution.ErrorCode;
import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.execution.ExecutionStatus;
import dev.interlock.testkit.EngineFixture;
import java.time.Duration;
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
 * Single built-in calls that would loop or allocate inside Java without limit (where the
 * instruction observer never looks) and script values that expand beyond any size when handed
 * to Java end promptly with {@code action_limit} and a message naming what was too large; the
 * next execution runs normally. Runs with the default 64 MiB budget and a deadline long enough
 * that a missing guard shows up as a timeout instead of the expected limit.
 */
class BuiltinWorkLimitsTest {
  private static final String HEALTHY =
      "exports.onExecutePostLogin = async (event, api) => { api.accessToken.setCustomClaim('ok', [1, 2].map((x) => x * 2)); };";
  private static final String DAG = "let o = []; for (let i = 0; i < 199; i++) o = [o, o];";

  private static EngineFixture engine;

  @BeforeAll
  static void start() {
    engine = Scripts.engine(EngineConfig.defaults().withActionTimeout(Duration.ofSeconds(8)), RhinoRuntimes.create(RhinoConfig.defaults()));
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  private static String handler(String body) {
    return "exports.onExecutePostLogin = async (event, api) => {\n" + body + "\n};";
  }

  private static Arguments bomb(String name, String body, String message) {
    return Arguments.of(name, handler(body), message);
  }

  static Stream<Arguments> bombs() {
    return Stream.of(
        bomb("a shared-subtree DAG passed to an api method", DAG + " api.accessToken.setCustomClaim('x', o);",
            "api.accessToken.setCustomClaim: value is too large"),
        bomb("a shared-subtree DAG logged with %j", DAG + " console.log('%j', o);", "the value logged with %j is too large"),
        bomb("a huge concatenated string passed to an api method", "let s = 'x'; for (let i = 0; i < 23; i++) s += s;"
            + " api.accessToken.setCustomClaim('x', s);", "api.accessToken.setCustomClaim: value is too large"),
        bomb("includes over a huge array-like", "Array.prototype.includes.call({ length: 2 ** 32 - 1 }, 1);", "Array.prototype.includes would loop"),
        bomb("indexOf over a huge sparse array", "const a = []; a.length = 4e9; a.indexOf(1);", "Array.prototype.indexOf would loop"),
        bomb("lastIndexOf over a huge sparse array", "const a = [1]; a.length = 4e9; a.lastIndexOf(2);", "Array.prototype.lastIndexOf would loop"),
        bomb("reverse of a huge array-like", "Array.prototype.reverse.call({ length: 2 ** 32 - 1 });", "Array.prototype.reverse would loop"),
        bomb("forEach over a huge sparse array", "const a = []; a.length = 4e9; a.forEach(() => {});", "Array.prototype.forEach would loop"),
        bomb("map over a huge sparse array", "new Array(4e9).map((x) => x);", "Array.prototype.map would loop"),
        bomb("filter over a huge array-like", "Array.prototype.filter.call({ length: 2 ** 32 - 1 }, () => true);", "Array.prototype.filter would loop"),
        bomb("some over a huge array-like", "Array.prototype.some.call({ length: 2 ** 32 - 1 }, () => true);", "Array.prototype.some would loop"),
        bomb("reduce over a huge sparse array", "const a = [1]; a.length = 4e9; a.reduce((x, y) => x + y);", "Array.prototype.reduce would loop"),
        bomb("findLast over a huge array-like", "Array.prototype.findLast.call({ length: 2 ** 32 - 1 }, () => false);", "Array.prototype.findLast would loop"),
        bomb("flat(Infinity) of a shared-subtree DAG", "let o = [1]; for (let i = 0; i < 60; i++) o = [o, o]; o.flat(Infinity);", "Array.prototype.flat would loop"),
        bomb("copyWithin over a huge array-like", "Array.prototype.copyWithin.call({ length: 2 ** 32 - 1 }, 0, 1);", "Array.prototype.copyWithin would loop"),
        bomb("fill of a huge array-like", "Array.prototype.fill.call({ length: 2 ** 32 - 1 }, 0);", "Array.prototype.fill would loop"),
        bomb("join of a huge array-like", "Array.prototype.join.call({ length: 2 ** 32 - 1 }, '');", "join would allocate"),
        bomb("sort of a huge array-like", "Array.prototype.sort.call({ length: 2 ** 32 - 1 });", "Array.prototype.sort would loop"),
        bomb("splice of a huge sparse array", "const a = [1]; a.length = 4e9; a.splice(0, 1);", "Array.prototype.splice would loop"),
        bomb("slice of a huge sparse array", "const a = []; a.length = 4e9; a.slice();", "Array.prototype.slice would loop"),
        bomb("concat of a huge sparse array", "const a = []; a.length = 4e9; [].concat(a);", "Array.prototype.concat would loop"),
        bomb("apply with a huge argument list", "Math.max.apply(null, { length: 2 ** 32 - 1 });", "Function.prototype.apply would loop"),
        bomb("Reflect.apply with a huge argument list", "Reflect.apply(Math.max, null, { length: 2 ** 32 - 1 });", "Reflect.apply would loop"),
        bomb("String.raw over a huge array-like", "String.raw({ raw: { length: 2 ** 32 - 1 } });", "String.raw would loop"),
        bomb("a typed-array method over a large real typed array", "new Uint8Array(3e7).indexOf(1);", "TypedArray.prototype.indexOf would loop"),
        bomb("indexOf of a long pattern in a long string", "const h = 'a'.repeat(1e7); h.indexOf('a'.repeat(1e5) + 'b');", "String.prototype.indexOf would compare"),
        bomb("includes of a long pattern in a long string", "const h = 'a'.repeat(1e7); h.includes('a'.repeat(1e5) + 'b');", "String.prototype.includes would compare"),
        bomb("split by a long separator", "const h = 'a'.repeat(1e7); h.split('a'.repeat(1e5) + 'b');", "String.prototype.split would compare"),
        bomb("replace of a long pattern", "const h = 'a'.repeat(1e7); h.replace('a'.repeat(1e5) + 'b', '');", "String.prototype.replace would compare"),
        bomb("replace with a growing replacement", "'x'.repeat(1e5).replace(/x/g, 'y'.repeat(1e4));", "String.prototype.replace would allocate"),
        bomb("replaceAll of the empty string", "'x'.repeat(1e6).replaceAll('', 'abc'.repeat(100));", "String.prototype.replaceAll would allocate"),
        bomb("split('') of a large string", "'x'.repeat(3e6).split('');", "String.prototype.split would allocate"),
        // the doubling may itself reach the allocation budget first, if Rhino flattens on the way
        bomb("reading a huge concatenated string", "let s = 'x'; for (let i = 0; i < 27; i++) s += s; s.indexOf('y');", "allocate"),
        bomb("concat of large strings", "const b = 'x'.repeat(1e7); b.concat(b, b, b, b, b);", "String.prototype.concat would allocate"),
        bomb("normalize of a large string", "'x'.repeat(3e6).normalize('NFKC');", "String.prototype.normalize would allocate"),
        bomb("Object.keys of a long string", "Object.keys('x'.repeat(2e6));", "keys would allocate"),
        bomb("JSON.stringify with indentation of a deep shared value", "let o = 1; for (let i = 0; i < 100; i++) o = [o];"
            + " JSON.stringify(new Array(5000).fill(o), null, 10);", "stringify would allocate"),
        bomb("a typed array from a huge array-like", "Uint8Array.from({ length: 2 ** 31 });", "TypedArray.from would"),
        bomb("Array.from a huge array-like", "Array.from({ length: 2 ** 32 - 1 });", "Array.from would loop"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bombs")
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void refusesTheCallWithActionLimitAndRunsTheNextExecutionNormally(String name, String code, String message) {
    ExecutionRecord r = Scripts.run(engine, code);

    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error().code()).as(String.valueOf(r.results().get(0).error())).isEqualTo(ErrorCode.ACTION_LIMIT);
    assertThat(r.results().get(0).error().message()).contains(message);
    ExecutionRecord next = Scripts.run(engine, HEALTHY);
    assertThat(next.status()).as(String.valueOf(next.results().get(0).error())).isEqualTo(ExecutionStatus.COMPLETED);
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void stopsARegexSearchWithALongPatternAtTheDeadline() {
    // Rhino's regexp engine counts its steps into the instruction observer: no size cap needed
    try (EngineFixture quick = Scripts.engine(EngineConfig.defaults().withActionTimeout(Duration.ofMillis(1500)), Scripts.RUNTIME)) {
      ExecutionRecord r = Scripts.run(quick, handler("new RegExp('a'.repeat(1e4) + 'b').test('a'.repeat(1e7));"));

      assertThat(r.error().code()).isEqualTo(ErrorCode.ACTION_TIMEOUT);
    }
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void leavesOrdinaryUseOfTheGuardedBuiltInsAlone() {
    String code = handler(String.join("\n",
        "const a = Array.from({ length: 5000 }, (_, i) => i);",
        "const text = a.join(' ');",
        "const parts = [",
        "  a.includes(4999), a.indexOf(2500), a.lastIndexOf(1), a.slice(10, 13).join(), a.map((x) => x * 2)[4999],",
        "  a.filter((x) => x % 1000 === 0).length, a.reduce((s, x) => s + x, 0), [...a].reverse()[0], a.concat([1, 2]).length,",
        "  [[1, [2, [3]]], 4].flat(Infinity).join(), [3, 1, 2].sort().join(), a.some((x) => x > 4998), a.every((x) => x >= 0),",
        "  text.split(' ').length, text.replace(/\\d+/g, 'n').length, text.replaceAll(' ', ',').length, text.indexOf('4999'),",
        "  'a-b-c'.split('-').join('+'), 'x'.repeat(3).padEnd(5, '.'), 'ab'.concat('cd', 'ef'), 'café'.normalize('NFD').length,",
        "  Object.keys('abc').join(), new Uint8Array([3, 1, 2]).sort().join(), Uint8Array.from([1, 2]).map((x) => x * 2).join(),",
        "  Math.max.apply(null, a), JSON.stringify({ a: [1, { b: 2 }] }, null, 2).length, String.raw({ raw: ['x', 'y'] }, 1),",
        "];",
        "console.log('%j', { n: a.length, nested: [[1], [2]] });",
        "console.log(a);",
        "api.accessToken.setCustomClaim('r', parts.join('|'));",
        "api.accessToken.setCustomClaim('big', a);"));

    ExecutionRecord r = Scripts.run(engine, code);

    assertThat(r.status()).as(String.valueOf(r.results().get(0).error())).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(r.commands().get(0).args().get(1)).isEqualTo(
        "true|2500|1|10,11,12|9998|5|12497500|4999|5002|1,2,3,4|1,2,3|true|true|5000|9999|23889|23885|a+b+c|xxx..|abcdef|5"
            + "|0,1,2|1,2,3|2,4|4999|48|x1y");
    assertThat(r.results().get(0).logs().get(0).message()).isEqualTo("{\"n\":5000,\"nested\":[[1],[2]]}");
    assertThat(r.results().get(0).logs().get(1).message()).startsWith("[ 0, 1, 2,").endsWith("... 4900 more items ]");
    assertThat((java.util.List<?>) r.commands().get(1).args().get(1)).hasSize(5000);
  }
}
