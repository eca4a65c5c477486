package dev.interlock.core.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interlock.core.EngineConfig;
import dev.interlock.core.InvalidRequestException;
import dev.interlock.core.execution.ExecutionResult;
import dev.interlock.core.execution.ExecutionStatus;
import dev.interlock.core.port.InvocationOutcome;
import dev.interlock.core.port.LoadedAction;
import dev.interlock.core.port.ScriptRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** executeAsync returns while an action waits, and completes when the flow does. */
class ExecuteAsyncTest {
  /** Outcomes of the invocations so far, completed by the test as if the action's I/O had answered. */
  private final List<CompletableFuture<InvocationOutcome>> waiting = new ArrayList<>();
  private final ScriptRuntime waitingRuntime = new ScriptRuntime() {
    @Override
    public boolean supports(String runtime) {
      return true;
    }

    @Override
    public LoadedAction load(dev.interlock.core.port.ActionSource source, dev.interlock.core.trigger.TriggerDefinition trigger) {
      return invocation -> {
        CompletableFuture<InvocationOutcome> outcome = new CompletableFuture<>();
        synchronized (waiting) {
          waiting.add(outcome);
        }
        return outcome;
      };
    }
  };
  private final FlowHarness h = new FlowHarness(EngineConfig.defaults(), waitingRuntime);

  @AfterEach
  void close() {
    h.close();
  }

  @Test
  void returnsWhileTheActionWaitsAndCompletesWithTheRecordWhenItsWaitEnds() {
    h.bind(TestFamily.LOGIN, "first", (e, api) -> {}).bind(TestFamily.LOGIN, "second", (e, api) -> {});

    CompletionStage<ExecutionResult> a = h.interlock.executor().executeAsync(TestFamily.LOGIN, FlowHarness.event());
    CompletionStage<ExecutionResult> b = h.interlock.executor().executeAsync(TestFamily.LOGIN, FlowHarness.event());

    // Both returned on this thread with their first action still waiting.
    assertThat(a.toCompletableFuture()).isNotDone();
    assertThat(b.toCompletableFuture()).isNotDone();
    assertThat(waiting).hasSize(2);

    waiting.get(1).complete(InvocationOutcome.SUCCESS); // b's first action answers: its second starts
    assertThat(waiting).hasSize(3);
    waiting.get(2).complete(InvocationOutcome.SUCCESS);
    ExecutionResult done = b.toCompletableFuture().join();
    assertThat(done.record().status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(done.record().results()).hasSize(2);
    assertThat(a.toCompletableFuture()).isNotDone();
  }

  @Test
  void refusesAnInvalidEventAtOnceWithoutRunningAnything() {
    h.bind(TestFamily.LOGIN, "first", (e, api) -> {});

    assertThatThrownBy(() -> h.interlock.executor().executeAsync(TestFamily.LOGIN, Map.of("user", "nobody")))
        .isInstanceOf(InvalidRequestException.class);
    assertThat(waiting).isEmpty();
  }

  @Test
  void completesAtOnceWithPendingForAnAsyncTrigger() throws Exception {
    h.bind(TestFamily.SIGNUP, "later", (e, api) -> {});

    ExecutionResult r = h.interlock.executor().executeAsync(TestFamily.SIGNUP, FlowHarness.event())
        .toCompletableFuture().get(10, TimeUnit.SECONDS);

    assertThat(r).isInstanceOf(ExecutionResult.Pending.class);
    assertThat(r.record().status()).isEqualTo(ExecutionStatus.PENDING);
  }
}
