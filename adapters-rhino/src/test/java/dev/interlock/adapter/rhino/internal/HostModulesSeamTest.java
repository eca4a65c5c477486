package dev.interlock.adapter.rhino.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.adapter.rhino.RhinoConfig;
import dev.interlock.core.port.ActionSource;
import dev.interlock.core.port.Invocation;
import dev.interlock.core.port.InvocationOutcome;
import dev.interlock.core.port.LoadedAction;
import dev.interlock.core.trigger.ApiContract;
import dev.interlock.core.trigger.Schema;
import dev.interlock.core.trigger.TriggerBehavior;
import dev.interlock.core.trigger.TriggerDefinition;
import dev.interlock.core.trigger.TriggerId;
import dev.interlock.core.trigger.TriggerMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.NativeObject;
import org.mozilla.javascript.Scriptable;

/** The seam the Node compatibility work plugs modules into: literal requires load, values are per execution. */
class HostModulesSeamTest {
  private static final TriggerDefinition TRIGGER =
      new TriggerDefinition(TriggerId.of("post-login"), "v3", "seam", TriggerMode.SYNC, "onExecutePostLogin", null,
          Schema.object(), ApiContract.of(List.of()), TriggerBehavior.neutral(), "");

  @Test
  void servesProvidedModulesThroughRequire() {
    HostModules greeting = new HostModules() {
      @Override
      public boolean provides(String name) {
        return name.equals("greeting");
      }

      @Override
      public Object require(Context cx, Scriptable scope, String name) {
        NativeObject exports = JsValues.newObject(scope);
        exports.put("hello", exports, "hello from a host module");
        return exports;
      }
    };
    RhinoScriptRuntime runtime = new RhinoScriptRuntime(RhinoConfig.defaults(), greeting);
    String code = "const { hello } = require('greeting');\nexports.onExecutePostLogin = async () => { console.log(hello); };";
    LoadedAction action = runtime.load(ActionSource.javascript("seam", code), TRIGGER);
    List<String> logs = new ArrayList<>();

    InvocationOutcome outcome = action.invoke(new Invocation("onExecutePostLogin", Map.of(), new NoApi(),
        (level, message) -> logs.add(message), System.nanoTime() + 5_000_000_000L)).toCompletableFuture().join();

    assertThat(outcome).isEqualTo(InvocationOutcome.SUCCESS);
    assertThat(logs).containsExactly("hello from a host module");
  }

  private static final class NoApi implements dev.interlock.core.port.ApiSession {
    @Override
    public ApiContract contract() {
      return TRIGGER.api();
    }

    @Override
    public Object invoke(dev.interlock.core.trigger.ApiMethod method, List<Object> args) {
      throw new AssertionError("no api calls expected");
    }

    @Override
    public void attachEventUpdater(EventUpdater updater) {}
  }
}
