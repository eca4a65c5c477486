package dev.interlock.adapter.rhino;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.EngineConfig;
import dev.interlock.core.execution.ErrorCode;
import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.execution.ExecutionStatus;
import dev.interlock.testkit.EngineFixture;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The interpreter fallback runs the same actions and bounds recursion by call depth. */
class InterpretedModeTest {
  private static EngineFixture engine;

  @BeforeAll
  static void start() {
    engine = Scripts.engine(
        EngineConfig.defaults().withActionTimeout(Duration.ofMillis(500)),
        RhinoRuntimes.create(RhinoConfig.defaults().withInterpreted(true)));
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @Test
  void runsARealWorldActionInterpreted() {
    ExecutionRecord r = Scripts.run(engine, Scripts.resource("await-chain.js"));

    assertThat(r.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(r.commands()).hasSize(2);
  }

  @Test
  void limitsRecursionDepth() {
    ExecutionRecord r = Scripts.run(engine, "exports.onExecutePostLogin = async () => { const f = (n) => f(n + 1) + 1; f(0); };");

    assertThat(r.error().code()).isEqualTo(ErrorCode.ACTION_LIMIT);
  }

  @Test
  void stopsAnEndlessLoop() {
    ExecutionRecord r = Scripts.run(engine, "exports.onExecutePostLogin = async () => { for (;;) {} };");

    assertThat(r.error().code()).isEqualTo(ErrorCode.ACTION_TIMEOUT);
  }

  @Test
  void stopsAnEndlessPromiseChainBetweenJobs() {
    ExecutionRecord r = Scripts.run(engine,
        "exports.onExecutePostLogin = async () => { const loop = () => Promise.resolve().then(loop); loop(); await new Promise(() => {}); };");

    assertThat(r.error().code()).isIn(ErrorCode.ACTION_LIMIT, ErrorCode.ACTION_TIMEOUT);
  }
}
