package dev.interlock.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.EngineConfig;
import dev.interlock.core.execution.ActionResult;
import dev.interlock.core.execution.ErrorCode;
import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.execution.ExecutionStatus;
import dev.interlock.core.execution.LogEntry;
import dev.interlock.core.javaaction.JavaAction;
import dev.interlock.core.trigger.ApiCallException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What one execution records is bounded (EngineConfig.ResultLimits): an api call over a size
 * limit fails the action with {@code action_limit}, even when the action catches the error;
 * console output and errors are cut. Java actions get the same limits as scripts.
 */
class ResultLimitsTest {
  private static ExecutionRecord run(JavaAction... actions) {
    try (FlowHarness h = new FlowHarness()) {
      for (int i = 0; i < actions.length; i++) {
        h.bind(TestFamily.LOGIN, "action" + i, actions[i]);
      }
      return h.login(FlowHarness.event()).record();
    }
  }

  @Test
  void failsTheActionWithActionLimitWhenOneCallIsTooLargeToRecord() {
    ExecutionRecord r = run((e, api) -> api.call("claims.set", "big", "x".repeat(200_000)));

    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error().code()).isEqualTo(ErrorCode.ACTION_LIMIT);
    assertThat(r.results().get(0).error().message())
        .isEqualTo("the arguments of api.claims.set are larger than 131072 bytes (as JSON), the limit of what an execution may record");
    assertThat(r.commands()).isEmpty();
  }

  @Test
  void stillFailsWhenTheActionCatchesTheRefusal() {
    ExecutionRecord r = run((e, api) -> {
      try {
        api.call("claims.set", "big", "x".repeat(200_000));
      } catch (ApiCallException ignored) {
        api.call("claims.set", "small", "ok");
      }
    });

    assertThat(r.error().code()).isEqualTo(ErrorCode.ACTION_LIMIT);
    assertThat(r.results().get(0).error().name()).isEqualTo("LimitError");
  }

  @Test
  void boundsTheArgumentsOfAllCallsOfAnExecution() {
    JavaAction many = (e, api) -> {
      for (int i = 0; i < 100; i++) {
        api.call("claims.set", "c" + i, "x".repeat(100_000));
      }
    };

    ExecutionRecord r = run(many);

    assertThat(r.error().code()).isEqualTo(ErrorCode.ACTION_LIMIT);
    assertThat(r.results().get(0).error().message()).startsWith("the arguments of all api calls of this execution are larger than 1048576 bytes");
    assertThat(r.commands()).hasSize(10);
  }

  /** A runtime whose actions log a short and a long line, then fail with a long message. */
  private static final class Chatty implements dev.interlock.core.port.ScriptRuntime {
    @Override
    public boolean supports(String runtime) {
      return true;
    }

    @Override
    public dev.interlock.core.port.LoadedAction load(
        dev.interlock.core.port.ActionSource source, dev.interlock.core.trigger.TriggerDefinition trigger) {
      return inv -> {
        inv.console().write("log", "short");
        inv.console().write("log", "y".repeat(100_000));
        return java.util.concurrent.CompletableFuture.completedFuture(new dev.interlock.core.port.InvocationOutcome.Failure(
            ErrorCode.ACTION_ERROR, dev.interlock.core.execution.ScriptError.of("Error", "z".repeat(100_000))));
      };
    }
  }

  @Test
  void cutsLongConsoleLinesAndErrorMessages() {
    ExecutionRecord r;
    try (FlowHarness h = new FlowHarness(EngineConfig.defaults(), new Chatty())) {
      h.bind(TestFamily.LOGIN, "chatty", (e, api) -> {});
      r = h.login(FlowHarness.event()).record();
    }

    ActionResult a = r.results().get(0);
    assertThat(a.logs()).extracting(LogEntry::message).first().isEqualTo("short");
    assertThat(a.logs().get(1).message()).hasSize(64 * 1024 + "... (truncated)".length()).endsWith("... (truncated)");
    assertThat(a.logsTruncated()).isTrue();
    assertThat(a.error().message()).hasSize(8 * 1024 + "... (truncated)".length());
    assertThat(r.error().code()).isEqualTo(ErrorCode.ACTION_ERROR);
  }

  @Test
  void acceptsOrdinaryResults() {
    ExecutionRecord r = run((e, api) -> {
      api.call("claims.set", "roles", List.of("admin", "editor"));
      api.call("user.setAppMetadata", "plan", Map.of("tier", "pro", "seats", 20));
    });

    assertThat(r.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(r.commands()).hasSize(2);
  }

  @Test
  void rejectsResultLimitsThatAreNotPositive() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new EngineConfig.ResultLimits(0, 1, 1, 1, 1, 64))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
