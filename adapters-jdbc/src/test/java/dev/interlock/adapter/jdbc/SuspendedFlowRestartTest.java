package dev.interlock.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.Interlock;
import dev.interlock.core.admin.ActionView;
import dev.interlock.core.admin.BindingRequest;
import dev.interlock.core.admin.NewAction;
import dev.interlock.core.execution.Command;
import dev.interlock.core.execution.ExecutionResult;
import dev.interlock.core.javaaction.JavaAction;
import dev.interlock.core.javaaction.JavaActionRuntime;
import dev.interlock.core.javaaction.JavaApi;
import dev.interlock.core.trigger.ApiContract;
import dev.interlock.core.trigger.ApiMethod;
import dev.interlock.core.trigger.CommonApis;
import dev.interlock.core.trigger.FlowEffect;
import dev.interlock.core.trigger.ResumeRequest;
import dev.interlock.core.trigger.Schema;
import dev.interlock.core.trigger.TriggerBehavior;
import dev.interlock.core.trigger.TriggerDefinition;
import dev.interlock.core.trigger.TriggerFamily;
import dev.interlock.core.trigger.TriggerId;
import dev.interlock.core.trigger.TriggerMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A flow suspended by a redirect is resumed by a new process on the same database. */
class SuspendedFlowRestartTest {
  private static final TriggerId REDIRECT = TriggerId.of("redirect-login");

  @TempDir Path dir;

  static final class RedirectFamily implements TriggerFamily {
    @Override
    public String name() {
      return "redirect-test";
    }

    @Override
    public List<TriggerDefinition> triggers() {
      Schema event = Schema.object().optional("user", Schema.object().required("user_id", Schema.string()))
          .optional("secrets", Schema.mapOf(Schema.string()).defaultingToEmpty());
      List<ApiMethod> methods = List.of(
          ApiMethod.command("redirect.sendUserTo").param("url", "string").effect(FlowEffect.SUSPEND_RESUME_SAME)
              .does((call, args) -> {
                call.suspendTo(args.string(0, "url") + "?state=" + call.continuationState(), Map.of());
                return null;
              }),
          ApiMethod.command("claims.set").param("name", "string").param("value", "unknown")
              .does((call, args) -> args.string(0, "name")));
      return List.of(new TriggerDefinition(REDIRECT, "v1", name(), TriggerMode.SYNC, "onExecuteRedirect",
          "onContinueRedirect", event, ApiContract.of(methods, CommonApis.cache()), TriggerBehavior.neutral(),
          "redirecting test trigger"));
    }
  }

  private static Interlock engine(JdbcStores stores) {
    JavaActionRuntime java = new JavaActionRuntime().register("verify", new JavaAction() {
      @Override
      public void onExecute(Map<String, Object> event, JavaApi api) {
        api.call("redirect.sendUserTo", "https://idv.example.com/start");
      }

      @Override
      public void onContinue(Map<String, Object> event, JavaApi api) {
        api.call("claims.set", "verified", true);
      }
    });
    return Interlock.builder().families(List.of(new RedirectFamily())).runtime(java)
        .stores(stores.actions(), stores.bindings(), stores.executions()).build();
  }

  @Test
  void resumesASuspendedFlowInAProcessStartedAfterTheSuspension() {
    String state;
    try (JdbcStores stores = JdbcStores.open(JdbcConfig.sqlite(dir)); Interlock first = engine(stores)) {
      ActionView a = first.administration().create(NewAction.of("verify", REDIRECT, "verify").withRuntime("java").deployed());
      first.administration().replaceBindings(REDIRECT, List.of(BindingRequest.of(a.id())), 0);
      ExecutionResult suspended = first.executor().execute(REDIRECT, Map.of("user", Map.of("user_id", "u1")));
      assertThat(suspended).isInstanceOf(ExecutionResult.Suspended.class);
      state = suspended.record().continuation().state();
    }

    ExecutionResult resumed;
    try (JdbcStores stores = JdbcStores.open(JdbcConfig.sqlite(dir)); Interlock second = engine(stores)) {
      resumed = second.executor().resume(state, ResumeRequest.of(Map.of("state", state), Map.of()));
    }

    assertThat(resumed).isInstanceOf(ExecutionResult.Completed.class);
    assertThat(resumed.record().commands()).contains(Command.of("claims.set", "verified", true));
  }
}
