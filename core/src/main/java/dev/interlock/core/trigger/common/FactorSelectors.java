package dev.interlock.core.trigger.common;

import dev.interlock.core.json.Json;
import dev.interlock.core.json.Undefined;
import dev.interlock.core.trigger.ApiCall;
import dev.interlock.core.trigger.ApiCallException;
import dev.interlock.core.trigger.ApiMethod;
import dev.interlock.core.trigger.Arguments;
import dev.interlock.core.trigger.FlowEffect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * MFA factor selectors ({@code common.md} section 14) and the {@code authentication.challengeWith /
 * challengeWithAny / enrollWith / enrollWithAny} methods built on them. Each suspends the flow
 * after the action (resuming with the next one) with the factors in the continuation details; at
 * most {@link #MAX_COMMANDS_PER_FLOW} such commands are accepted per flow, counted in flow state.
 */
public final class FactorSelectors {
  public static final int MAX_COMMANDS_PER_FLOW = 4;
  /** Flow-state key of the MFA command counter. */
  public static final String FLOW_STATE_KEY = "mfa_commands";

  private static final Set<String> CHALLENGE_TYPES =
      Set.of("otp", "email", "webauthn-platform", "webauthn-roaming", "recovery-code", "phone", "push", "push-notification");
  private static final Set<String> ENROLL_TYPES =
      Set.of("otp", "webauthn-platform", "webauthn-roaming", "recovery-code", "phone", "push", "push-notification");
  private static final Set<String> PHONE_METHODS = Set.of("sms", "voice", "both");

  private FactorSelectors() {}

  /** Which selectors a method accepts. */
  public enum Purpose {
    CHALLENGE,
    ENROLLMENT
  }

  public static ApiMethod challengeWith() {
    return single("authentication.challengeWith", Purpose.CHALLENGE, "Challenges the user with a factor after this action.");
  }

  public static ApiMethod challengeWithAny() {
    return any("authentication.challengeWithAny", Purpose.CHALLENGE, "Lets the user pick one of the factors to be challenged with.");
  }

  public static ApiMethod enrollWith() {
    return single("authentication.enrollWith", Purpose.ENROLLMENT, "Makes the user enroll the factor after this action.");
  }

  public static ApiMethod enrollWithAny() {
    return any("authentication.enrollWithAny", Purpose.ENROLLMENT, "Lets the user pick one of the factors to enroll.");
  }

  private static ApiMethod single(String path, Purpose purpose, String doc) {
    return ApiMethod.command(path)
        .param("factor", "FactorSelector")
        .optionalParam("options", "{ additionalFactors?: FactorSelector[] }")
        .returnsVoid()
        .effect(FlowEffect.SUSPEND_RESUME_NEXT)
        .describedAs(doc)
        .does((call, args) -> {
          List<Object> factors = new ArrayList<>();
          factors.add(validate(args.get(0), purpose, args, "factor"));
          Object extra = args.optionalObject(1, "options").get("additionalFactors");
          if (extra != null && extra != Undefined.VALUE) {
            factors.addAll(validateList(extra, purpose, args, "options.additionalFactors", false));
          }
          return suspend(call, args, path, factors, true);
        });
  }

  private static ApiMethod any(String path, Purpose purpose, String doc) {
    return ApiMethod.command(path)
        .param("factors", "FactorSelector[]")
        .returnsVoid()
        .effect(FlowEffect.SUSPEND_RESUME_NEXT)
        .describedAs(doc)
        .does((call, args) -> suspend(call, args, path, validateList(args.get(0), purpose, args, "factors", true), false));
  }

  private static Object suspend(ApiCall call, Arguments args, String path, List<Object> factors, boolean firstIsDefault) {
    count(call, args);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("type", "mfa");
    details.put("command", path.substring(path.indexOf('.') + 1));
    details.put("factors", factors);
    if (firstIsDefault) {
      details.put("default_factor", factors.get(0));
    }
    call.suspendTo(null, details);
    return null;
  }

  /** Counts one MFA command for the flow; throws once the flow had {@link #MAX_COMMANDS_PER_FLOW}. */
  public static void count(ApiCall call, Arguments args) {
    Object n = call.flowState().get(FLOW_STATE_KEY);
    long used = n instanceof Number num ? num.longValue() : 0;
    if (used >= MAX_COMMANDS_PER_FLOW) {
      throw ApiCallException.error(
          args.prefix() + "a flow may issue at most " + MAX_COMMANDS_PER_FLOW
              + " challengeWith/challengeWithAny/enrollWith/enrollWithAny commands");
    }
    call.flowState().put(FLOW_STATE_KEY, used + 1);
  }

  /** A non-empty (when {@code nonEmpty}) array of valid selectors. */
  public static List<Object> validateList(Object value, Purpose purpose, Arguments args, String name, boolean nonEmpty) {
    if (!(value instanceof List<?> list)) {
      throw args.wrongType(name, "an array of factor selectors", value);
    }
    if (nonEmpty && list.isEmpty()) {
      throw ApiCallException.typeError(args.prefix() + name + " must not be empty");
    }
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      out.add(validate(list.get(i), purpose, args, name + "[" + i + "]"));
    }
    return out;
  }

  /** One selector {@code {type, options?}}, checked against the types the purpose allows. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> validate(Object value, Purpose purpose, Arguments args, String name) {
    if (!(value instanceof Map)) {
      throw args.wrongType(name, "a factor selector object", value);
    }
    Map<String, Object> selector = (Map<String, Object>) value;
    Set<String> allowed = purpose == Purpose.CHALLENGE ? CHALLENGE_TYPES : ENROLL_TYPES;
    Object type = selector.get("type");
    if (!(type instanceof String t) || !allowed.contains(t)) {
      throw ApiCallException.typeError(
          args.prefix() + name + ".type must be one of " + new java.util.TreeSet<>(allowed) + ", got "
              + (type instanceof String ? "'" + type + "'" : Json.typeOf(type)));
    }
    Object options = selector.get("options");
    if (options == null || options == Undefined.VALUE) {
      return selector;
    }
    if (!(options instanceof Map)) {
      throw args.wrongType(name + ".options", "an object", options);
    }
    Map<String, Object> o = (Map<String, Object>) options;
    if (t.equals("phone") && o.containsKey("preferredMethod") && !PHONE_METHODS.contains(o.get("preferredMethod"))) {
      throw ApiCallException.typeError(
          args.prefix() + name + ".options.preferredMethod must be one of [both, sms, voice]");
    }
    if ((t.equals("push") || t.equals("push-notification"))
        && o.containsKey("otpFallback") && !(o.get("otpFallback") instanceof Boolean)) {
      throw args.wrongType(name + ".options.otpFallback", "a boolean", o.get("otpFallback"));
    }
    return selector;
  }
}
