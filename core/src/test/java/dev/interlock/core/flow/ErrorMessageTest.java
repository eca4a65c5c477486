package dev.interlock.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.AdHocAction;
import dev.interlock.core.Interlock;
import dev.interlock.core.execution.ErrorCode;
import dev.interlock.core.execution.ExecutionError;
import dev.interlock.core.execution.ScriptError;
import dev.interlock.core.port.ActionSource;
import dev.interlock.core.port.InvocationOutcome;
import dev.interlock.core.port.LoadedAction;
import dev.interlock.core.port.ScriptRuntime;
import dev.interlock.core.trigger.TriggerDefinition;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ErrorMessageTest {
  /** A runtime whose actions fail with the stack given as their code. */
  private static final class FailingRuntime implements ScriptRuntime {
    @Override
    public boolean supports(String runtime) {
      return runtime.equals("failing");
    }

    @Override
    public LoadedAction load(ActionSource source, TriggerDefinition trigger) {
      return inv -> CompletableFuture.completedFuture(new InvocationOutcome.Failure(
          ErrorCode.ACTION_ERROR, new ScriptError("TypeError", "x is undefined", source.code())));
    }
  }

  private ExecutionError failWith(String stack) {
    try (Interlock engine = Interlock.builder().families(List.of(new TestFamily())).runtime(new FailingRuntime()).build()) {
      return engine.executor()
          .run(TestFamily.LOGIN, List.of(new AdHocAction("add-roles", stack, "failing", Map.of(), Map.of())), FlowHarness.event())
          .record().error();
    }
  }

  @Test
  void namesTheActionAndTheLineOfItsOwnSourceWhereTheErrorWasThrown() {
    ExecutionError e = failWith("TypeError: x is undefined\n    at helper (add-roles:12)\n    at anonymous (add-roles:4)");

    assertThat(e.message()).isEqualTo("Action 'add-roles' failed at line 12: TypeError: x is undefined");
    assertThat(e.actionName()).isEqualTo("add-roles");
  }

  @Test
  void leavesTheLineOutWhenTheStackDoesNotPointIntoTheAction() {
    ExecutionError e = failWith("TypeError: x is undefined\n    at native (runtime:3)");

    assertThat(e.message()).isEqualTo("Action 'add-roles' failed: TypeError: x is undefined");
  }
}
