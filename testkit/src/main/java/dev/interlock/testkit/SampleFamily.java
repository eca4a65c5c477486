package dev.interlock.testkit;

import dev.interlock.core.execution.Command;
import dev.interlock.core.trigger.ApiContract;
import dev.interlock.core.trigger.ApiMethod;
import dev.interlock.core.trigger.CommonApis;
import dev.interlock.core.trigger.FlowEffect;
import dev.interlock.core.trigger.FlowSummary;
import dev.interlock.core.trigger.Schema;
import dev.interlock.core.trigger.TriggerBehavior;
import dev.interlock.core.trigger.TriggerDefinition;
import dev.interlock.core.trigger.TriggerFamily;
import dev.interlock.core.trigger.TriggerId;
import dev.interlock.core.trigger.TriggerMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal family for adapter tests that must not depend on a real trigger family: trigger
 * {@code sample-login} (sync) with {@code access.deny}, {@code claims.set} and the cache, and
 * {@code sample-signup} (async) with the cache only. Outcome: {@code {claims: {...}}}.
 */
public final class SampleFamily implements TriggerFamily {
  public static final TriggerId LOGIN = TriggerId.of("sample-login");
  public static final TriggerId SIGNUP = TriggerId.of("sample-signup");

  @Override
  public String name() {
    return "sample";
  }

  @Override
  public List<TriggerDefinition> triggers() {
    Schema event =
        Schema.object()
            .optional("user", Schema.object().required("user_id", Schema.string()))
            .optional("secrets", Schema.mapOf(Schema.string()).defaultingToEmpty());
    List<ApiMethod> methods =
        List.of(
            ApiMethod.command("access.deny").param("reason", "string").effect(FlowEffect.STOP)
                .does((call, args) -> args.string(0, "reason")),
            ApiMethod.command("claims.set").param("name", "string").param("value", "unknown")
                .does((call, args) -> args.string(0, "name")));
    TriggerBehavior claims =
        new TriggerBehavior() {
          @Override
          public Map<String, Object> outcome(FlowSummary flow) {
            Map<String, Object> c = new LinkedHashMap<>();
            for (Command cmd : flow.effectiveCommands()) {
              if (cmd.name().equals("claims.set")) {
                c.put((String) cmd.arg(0), cmd.arg(1));
              }
            }
            return Map.of("claims", c);
          }
        };
    return List.of(
        new TriggerDefinition(LOGIN, "v1", name(), TriggerMode.SYNC, "onExecuteSampleLogin", null, event,
            ApiContract.of(methods, CommonApis.cache()),
            TriggerBehavior.withExampleEvent(claims, () -> Map.of("user", Map.of("user_id", "sample|1"))),
            "sample sync trigger"),
        new TriggerDefinition(SIGNUP, "v1", name(), TriggerMode.ASYNC, "onExecuteSampleSignup", null, event,
            ApiContract.of(CommonApis.cache()), TriggerBehavior.neutral(), "sample async trigger"));
  }
}
