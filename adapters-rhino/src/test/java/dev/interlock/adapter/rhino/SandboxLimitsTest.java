package dev.interlock.adapter.rhino;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.EngineConfig;
import dev.interlock.core.execution.ErrorCode;
import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.execution.ExecutionStatus;
import dev.interlock.testkit.EngineFixture;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Scripts that run forever, allocate without bound, recurse or flood the job queue end with
 * {@code action_timeout} or {@code action_limit}; the JVM survives and the next execution runs
 * normally.
 */
class SandboxLimitsTest {
  private static final String HEALTHY =
      "exports.onExecutePostLogin = async (event, api) => { await null; api.accessToken.setCustomClaim('ok', [1, 2].map((x) => x * 2)); };";

  private static EngineFixture engine;

  @BeforeAll
  static void start() {
    // A small memory and job budget, so that the limits are reached well before the deadline.
    RhinoConfig config = RhinoConfig.defaults().withMaxAllocatedBytes(16L * 1024 * 1024).withMaxPromiseJobs(10_000);
    engine = Scripts.engine(EngineConfig.defaults().withActionTimeout(Duration.ofMillis(1500)), RhinoRuntimes.create(config));
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  private static String handler(String body) {
    return "exports.onExecutePostLogin = async (event, api) => {\n" + body + "\n};";
  }

  static Stream<Arguments> runaways() {
    return Stream.of(
        Arguments.of("endless loop", handler("while (true) {}"), ErrorCode.ACTION_TIMEOUT),
        Arguments.of("endless loop that catches everything", handler("for (;;) { try { while (true) {} } catch (e) {} finally { continue; } }"), ErrorCode.ACTION_TIMEOUT),
        Arguments.of("endless loop in finally", handler("try { throw new Error('x'); } finally { while (true) {} }"), ErrorCode.ACTION_TIMEOUT),
        Arguments.of("endless loop in a promise job", handler("await Promise.resolve().then(() => { for (;;) {} });"), ErrorCode.ACTION_TIMEOUT),
        Arguments.of("endless loop in a timer", handler("await new Promise((r) => setTimeout(() => { while (true) {} }, 1));"), ErrorCode.ACTION_TIMEOUT),
        Arguments.of("endless loop at top level", "while (true) {}\n" + handler(""), ErrorCode.ACTION_TIMEOUT),
        Arguments.of("timer past the deadline", handler("await new Promise((r) => setTimeout(r, 60000));"), ErrorCode.ACTION_TIMEOUT),
        Arguments.of("promise that never settles", handler("await new Promise(() => {});"), ErrorCode.ACTION_TIMEOUT),
        Arguments.of("endless promise chain", handler("const loop = () => Promise.resolve().then(loop); loop(); await new Promise(() => {});"), ErrorCode.ACTION_LIMIT),
        Arguments.of("endless async recursion", handler("const f = async () => { await null; return f(); }; await f();"), ErrorCode.ACTION_LIMIT),
        Arguments.of("unbounded array growth", handler("const a = []; for (;;) a.push({ i: a.length, s: 'xxxxxxxxxxxxxxxx' + a.length });"), ErrorCode.ACTION_LIMIT),
        Arguments.of("string growth", handler("let s = ''; for (;;) { s += 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' + s.length; s.charAt(s.length - 1); }"), ErrorCode.ACTION_LIMIT),
        Arguments.of("String.prototype.repeat", handler("'x'.repeat(1e9);"), ErrorCode.ACTION_LIMIT),
        Arguments.of("padEnd", handler("''.padEnd(5e8, 'ab');"), ErrorCode.ACTION_LIMIT),
        Arguments.of("padStart", handler("'a'.padStart(5e8);"), ErrorCode.ACTION_LIMIT),
        Arguments.of("join of a huge sparse array", handler("new Array(2e8).join();"), ErrorCode.ACTION_LIMIT),
        Arguments.of("join of huge strings", handler("const big = 'x'.repeat(1e6); const a = []; for (let i = 0; i < 200; i++) a.push(big); a.join('');"), ErrorCode.ACTION_LIMIT),
        Arguments.of("typed array", handler("new Uint8Array(9e8);"), ErrorCode.ACTION_LIMIT),
        Arguments.of("ArrayBuffer", handler("new ArrayBuffer(9e8);"), ErrorCode.ACTION_LIMIT),
        Arguments.of("fill of a huge array", handler("new Array(5e7).fill(0);"), ErrorCode.ACTION_LIMIT),
        Arguments.of("Array.from a huge length", handler("Array.from({ length: 3e7 });"), ErrorCode.ACTION_LIMIT),
        Arguments.of("JSON.stringify of a huge tree", handler("let o = {}; for (let i = 0; i < 22; i++) o = { a: o, b: o }; JSON.stringify(o);"), ErrorCode.ACTION_LIMIT),
        Arguments.of("catastrophic regex backtracking", handler("/^(a+)+$/.test('a'.repeat(40) + 'b');"), ErrorCode.ACTION_LIMIT),
        Arguments.of("deep recursion", handler("function f(n) { return f(n + 1) + 1; } f(0);"), ErrorCode.ACTION_LIMIT),
        Arguments.of("deep recursion caught by the script", handler("function f(n) { try { return f(n + 1) + 1; } catch (e) { return f(n + 1); } } f(0);"), ErrorCode.ACTION_LIMIT),
        Arguments.of("too many timers", handler("for (let i = 0; i < 5000; i++) setTimeout(() => {}, 10);"), ErrorCode.ACTION_LIMIT));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("runaways")
  void stopsTheScriptAndRunsTheNextExecutionNormally(String name, String code, ErrorCode expected) {
    ExecutionRecord r = Scripts.run(engine, code);

    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error().code()).as(String.valueOf(r.results().get(0).error())).isEqualTo(expected);
    ExecutionRecord next = Scripts.run(engine, HEALTHY);
    assertThat(next.status()).as(String.valueOf(next.results().get(0).error())).isEqualTo(ExecutionStatus.COMPLETED);
  }

  @Test
  void stopsExponentialStringDoublingWithTheAllocationBudget() {
    ExecutionRecord r = Scripts.run(engine, handler("let s = 'x'; for (;;) { s = s + s; s.charAt(1); }"));

    // on a heavily loaded machine the deadline can come first; what matters is that it is stopped
    assertThat(r.error().code()).isIn(ErrorCode.ACTION_LIMIT, ErrorCode.ACTION_TIMEOUT);
    if (r.error().code() == ErrorCode.ACTION_LIMIT) {
      // the allocation budget, or the guard on reading the (by then huge) string, refusing first
      assertThat(r.results().get(0).error().message()).matches("the action allocated more than .*|.* would allocate about .*");
    }
  }

  @Test
  void cannotCatchTheTimeoutInsideTheScript() {
    String code = handler("try { while (true) {} } catch (e) { api.access.deny('caught ' + e); }");

    ExecutionRecord r = Scripts.run(engine, code);

    assertThat(r.error().code()).isEqualTo(ErrorCode.ACTION_TIMEOUT);
    assertThat(r.commands()).isEmpty();
  }

  @Test
  void pointsTheTimeoutAtTheLoopInTheAuthorsSource() {
    String code = "const spin = () => {\n  for (;;) {}\n};\n" + handler("await null;\nspin();");

    ExecutionRecord r = Scripts.run(engine, code);

    assertThat(r.results().get(0).error().stack()).startsWith("TimeoutError: ").contains("test-action:2");
  }

  @Test
  void allowsOrdinaryUseOfTheGuardedBuiltIns() {
    String code = handler("const s = 'ab'.repeat(3) + 'x'.padStart(3, '-') + [1, 2, 3].join('+') + new Array(3).fill(7).join()"
        + " + Array.from({ length: 2 }, (_, i) => i).join() + new Uint8Array(4).length + JSON.stringify({ a: [1] });"
        + " api.accessToken.setCustomClaim('s', s);");

    ExecutionRecord r = Scripts.run(engine, code);

    assertThat(r.commands().get(0).args()).containsExactly("s", "ababab--x1+2+37,7,70,14{\"a\":[1]}");
  }
}
