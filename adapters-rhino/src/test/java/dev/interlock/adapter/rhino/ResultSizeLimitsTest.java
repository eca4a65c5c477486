package dev.interlock.adapter.rhino;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.execution.ErrorCode;
import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.execution.ExecutionStatus;
import dev.interlock.testkit.EngineFixture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Scripts get the engine's result limits (EngineConfig.ResultLimits): a claim or
 * console line too large to record ends the action with {@code action_limit} (or is cut, for
 * console output), whether or not the script catches the error.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ResultSizeLimitsTest {
  private static EngineFixture engine;

  @BeforeAll
  static void start() {
    engine = Scripts.engine();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  private static String handler(String body) {
    return "exports.onExecutePostLogin = async (event, api) => {\n" + body + "\n};";
  }

  @Test
  void refusesAThirtyMillionCharacterClaim() {
    ExecutionRecord r = Scripts.run(engine, handler("api.accessToken.setCustomClaim('x', 'x'.repeat(3e7));"));

    assertThat(r.error().code()).isEqualTo(ErrorCode.ACTION_LIMIT);
    assertThat(r.results().get(0).error().message()).contains("api.accessToken.setCustomClaim: value is too large");
    assertThat(r.commands()).isEmpty();
  }

  @Test
  void refusesAClaimOverTheClaimLimitEvenWhenTheScriptCatchesTheError() {
    ExecutionRecord r = Scripts.run(engine, handler(
        "try { api.accessToken.setCustomClaim('x', 'x'.repeat(100000)); } catch (e) { api.accessToken.setCustomClaim('caught', String(e)); }"));

    assertThat(r.error().code()).isEqualTo(ErrorCode.ACTION_LIMIT);
    assertThat(r.results().get(0).error().message())
        .startsWith("the claim value passed to api.accessToken.setCustomClaim is larger than 65536 bytes");
    assertThat(r.commands()).singleElement().satisfies(c -> assertThat(c.args().get(1).toString()).startsWith("RangeError: the claim value"));
  }

  @Test
  void cutsAHugeLogLineAndKeepsTheExecutionSmall() {
    ExecutionRecord r = Scripts.run(engine, handler("const big = 'x'.repeat(1e7); console.log(big); console.log('%s!', big);"
        + " console.log(new Error(big)); console.log('after');"));

    assertThat(r.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(r.results().get(0).logs()).allSatisfy(l -> assertThat(l.message().length()).isLessThan(70 * 1024));
    assertThat(r.results().get(0).logs().get(3).message()).isEqualTo("after");
    assertThat(r.results().get(0).logsTruncated()).isTrue();
  }

  @Test
  void cutsAHugeErrorMessage() {
    ExecutionRecord r = Scripts.run(engine, handler("throw new Error('e'.repeat(1e7));"));

    assertThat(r.error().code()).isEqualTo(ErrorCode.ACTION_ERROR);
    assertThat(r.results().get(0).error().message()).hasSizeLessThan(9 * 1024);
    assertThat(r.results().get(0).error().stack()).hasSizeLessThan(9 * 1024);
  }
}
