package dev.interlock.core.flow;

import dev.interlock.core.json.Json;
import dev.interlock.core.trigger.ActionStep;
import dev.interlock.core.trigger.ApiContract;
import dev.interlock.core.trigger.ApiMethod;
import dev.interlock.core.trigger.CommonApis;
import dev.interlock.core.trigger.FlowEffect;
import dev.interlock.core.trigger.FlowSummary;
import dev.interlock.core.trigger.ResumeRequest;
import dev.interlock.core.trigger.Schema;
import dev.interlock.core.trigger.TriggerBehavior;
import dev.interlock.core.trigger.TriggerDefinition;
import dev.interlock.core.trigger.TriggerFamily;
import dev.interlock.core.trigger.TriggerId;
import dev.interlock.core.trigger.TriggerMode;
import dev.interlock.core.execution.Command;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A small family with one sync and one async trigger, exercising every engine rule. */
final class TestFamily implements TriggerFamily {
  static final TriggerId LOGIN = TriggerId.of("test-login");
  static final TriggerId SIGNUP = TriggerId.of("test-signup");

  private static final Schema EVENT =
      Schema.object()
          .required("user", Schema.object()
              .required("user_id", Schema.string())
              .optional("app_metadata", Schema.mapOf(Schema.any()).defaultingToEmpty()))
          .optional("secrets", Schema.mapOf(Schema.string()).defaultingToEmpty())
          .optional("configuration", Schema.mapOf(Schema.string()).defaultingToEmpty())
          .optional("transaction", Schema.object().optional("metadata", Schema.mapOf(Schema.any()).defaultingToEmpty()));

  private static final List<ApiMethod> METHODS =
      List.of(
          ApiMethod.command("access.deny").param("reason", "string").effect(FlowEffect.STOP)
              .does((call, args) -> args.string(0, "reason")),
          ApiMethod.command("claims.set").param("name", "string").param("value", "unknown")
              .does((call, args) -> args.string(0, "name")),
          ApiMethod.command("user.setAppMetadata").param("key", "string").param("value", "unknown")
              .does((call, args) -> args.string(0, "key")),
          ApiMethod.command("transaction.setMetadata").param("key", "string").param("value", "string")
              .does((call, args) -> {
                String key = args.string(0, "key");
                call.updateEvent(List.of("transaction", "metadata", key), args.get(1));
                @SuppressWarnings("unchecked")
                Map<String, Object> tm = (Map<String, Object>) call.flowState().computeIfAbsent("tx", k -> new LinkedHashMap<>());
                tm.put(key, args.get(1));
                return null;
              }),
          ApiMethod.command("redirect.sendUserTo").param("url", "string").effect(FlowEffect.SUSPEND_RESUME_SAME)
              .does((call, args) -> {
                call.suspendTo(args.string(0, "url") + "?state=" + call.continuationState(), Map.of());
                return null;
              }),
          ApiMethod.command("mfa.challenge").param("type", "string").effect(FlowEffect.SUSPEND_RESUME_NEXT)
              .does((call, args) -> args.string(0, "type")),
          ApiMethod.query("resume.parameter").param("name", "string").returnsValue("unknown")
              .does((call, args) -> call.resumeRequest().map(r -> r.parameter(args.string(0, "name"))).orElse(null)));

  /** Merges app metadata set by an action into later actions' event.user; re-applies tx metadata. */
  static final class Behavior implements TriggerBehavior {
    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> nextEvent(Map<String, Object> event, ActionStep finished) {
      Map<String, Object> next = Json.copyObject(event);
      Map<String, Object> user = (Map<String, Object>) next.get("user");
      Map<String, Object> meta = (Map<String, Object>) user.computeIfAbsent("app_metadata", k -> new LinkedHashMap<>());
      for (Command c : finished.result().commands("user.setAppMetadata")) {
        meta.put((String) c.arg(0), c.arg(1));
      }
      Object tx = finished.flowState().get("tx");
      if (tx != null) {
        Map<String, Object> t = (Map<String, Object>) next.computeIfAbsent("transaction", k -> new LinkedHashMap<>());
        t.put("metadata", Json.deepCopy(tx));
      }
      return next;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> resumedEvent(Map<String, Object> event, ResumeRequest resume, Map<String, Object> flowState) {
      Map<String, Object> next = TriggerBehavior.super.resumedEvent(event, resume, flowState);
      Object tx = flowState.get("tx");
      if (tx != null) {
        Map<String, Object> t = new LinkedHashMap<>((Map<String, Object>) next.getOrDefault("transaction", Map.of()));
        t.put("metadata", Json.deepCopy(tx));
        next.put("transaction", t);
      }
      return next;
    }

    @Override
    public Map<String, Object> outcome(FlowSummary flow) {
      Map<String, Object> claims = new LinkedHashMap<>();
      for (Command c : flow.effectiveCommands()) {
        if (c.name().equals("claims.set")) {
          claims.put((String) c.arg(0), c.arg(1));
        }
      }
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("claims", claims);
      return out;
    }

    @Override
    public Optional<String> completionProblem(FlowSummary flow) {
      return "fail".equals(flow.event().get("completion")) ? Optional.of("completion rule failed") : Optional.empty();
    }
  }

  @Override
  public String name() {
    return "test";
  }

  @Override
  public List<TriggerDefinition> triggers() {
    ApiContract api = ApiContract.of(METHODS, CommonApis.cache());
    return List.of(
        new TriggerDefinition(LOGIN, "v1", name(), TriggerMode.SYNC, "onExecuteTestLogin", "onContinueTestLogin",
            EVENT, api, new Behavior(), "sync test trigger"),
        new TriggerDefinition(SIGNUP, "v1", name(), TriggerMode.ASYNC, "onExecuteTestSignup", null,
            EVENT, ApiContract.of(CommonApis.cache()), TriggerBehavior.neutral(), "async test trigger"));
  }
}
