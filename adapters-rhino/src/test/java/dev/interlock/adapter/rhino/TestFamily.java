package dev.interlock.adapter.rhino;

import dev.interlock.core.trigger.ApiContract;
import dev.interlock.core.trigger.ApiMethod;
import dev.interlock.core.trigger.CommonApis;
import dev.interlock.core.trigger.FlowEffect;
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
 * A post-login-like trigger for this module's tests only (the real families are separate
 * modules): deny, token claims and scopes, app metadata, transaction metadata visible at once,
 * a redirect that resumes in {@code onContinuePostLogin}, and the shared cache.
 */
public final class TestFamily implements TriggerFamily {
  public static final String TRIGGER = "post-login";

  @Override
  public String name() {
    return "rhino-test";
  }

  @Override
  public List<TriggerDefinition> triggers() {
    Schema event =
        Schema.object()
            .required("user", Schema.object().required("user_id", Schema.string()))
            .optional("transaction", Schema.object().optional("metadata", Schema.object().defaultingToEmpty()).defaultingToEmpty());
    ApiContract api = ApiContract.of(methods(), CommonApis.cache());
    return List.of(
        new TriggerDefinition(
            TriggerId.of(TRIGGER), "v3", name(), TriggerMode.SYNC, "onExecutePostLogin", "onContinuePostLogin",
            event, api, TriggerBehavior.neutral(), "test post-login"));
  }

  private static List<ApiMethod> methods() {
    return List.of(
        ApiMethod.command("access.deny").param("reason", "string").effect(FlowEffect.STOP).returnsApi()
            .does((call, args) -> {
              args.string(0, "reason");
              return null;
            }),
        ApiMethod.command("accessToken.setCustomClaim").param("name", "string").param("value", "unknown").returnsApi()
            .does((call, args) -> {
              String name = args.string(0, "name");
              if (name.equals("scope")) {
                throw dev.interlock.core.trigger.ApiCallException.typeError("cannot set the reserved claim 'scope'");
              }
              return null;
            }),
        ApiMethod.command("accessToken.addScope").param("scope", "string").returnsApi()
            .does((call, args) -> {
              args.nonBlankString(0, "scope");
              return null;
            }),
        ApiMethod.command("user.setAppMetadata").param("name", "string").param("value", "unknown").returnsApi()
            .does((call, args) -> {
              args.string(0, "name");
              return null;
            }),
        ApiMethod.command("transaction.setMetadata").param("key", "string").param("value", "string | number | boolean | null").returnsApi()
            .does((call, args) -> {
              String key = args.string(0, "key");
              Object value = args.get(1);
              call.updateEvent(List.of("transaction", "metadata", key), value == null ? dev.interlock.core.json.Undefined.VALUE : value);
              return null;
            }),
        ApiMethod.command("redirect.sendUserTo").param("url", "string").optionalParam("options", "{ query?: object }")
            .effect(FlowEffect.SUSPEND_RESUME_SAME).returnsApi()
            .does((call, args) -> {
              String url = args.string(0, "url");
              Map<String, Object> details = new LinkedHashMap<>();
              call.suspendTo(url + (url.contains("?") ? "&" : "?") + "state=" + call.continuationState(), details);
              return null;
            }));
  }
}
