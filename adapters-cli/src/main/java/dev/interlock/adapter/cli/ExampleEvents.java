package dev.interlock.adapter.cli;

import dev.interlock.trigger.m2m.CredentialsExchangeEvent;
import dev.interlock.trigger.mfa.SendPhoneMessageEvent;
import dev.interlock.trigger.password.PostChallengeEvent;
import dev.interlock.trigger.password.PostChangePasswordEvent;
import dev.interlock.trigger.signuplogin.PostLoginEvent;
import dev.interlock.trigger.signuplogin.PostUserRegistrationEvent;
import dev.interlock.trigger.signuplogin.PreUserRegistrationEvent;
import dev.interlock.trigger.tokenexchange.CustomTokenExchangeEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A complete example event per trigger, from the families' test-data builders, so a test file only
 * states the fields that matter; triggers without a builder start from an empty object.
 */
final class ExampleEvents {
  private static final Map<String, Supplier<Map<String, Object>>> BUILDERS = Map.of(
      "post-login", () -> PostLoginEvent.builder().build(),
      "pre-user-registration", () -> PreUserRegistrationEvent.builder().build(),
      "post-user-registration", () -> PostUserRegistrationEvent.builder().build(),
      "post-change-password", () -> PostChangePasswordEvent.builder().build(),
      "password-reset-post-challenge", () -> PostChallengeEvent.builder().build(),
      "send-phone-message", () -> SendPhoneMessageEvent.builder().build(),
      "credentials-exchange", () -> CredentialsExchangeEvent.builder().build(),
      "custom-token-exchange", () -> CustomTokenExchangeEvent.builder().build());

  private ExampleEvents() {}

  static Map<String, Object> forTrigger(String trigger) {
    Supplier<Map<String, Object>> b = BUILDERS.get(trigger);
    return b == null ? new LinkedHashMap<>() : deepCopy(b.get());
  }

  /** {@code over} merged into {@code base}: objects merge key by key, anything else replaces. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> over) {
    Map<String, Object> result = deepCopy(base);
    for (Map.Entry<String, Object> e : over.entrySet()) {
      Object current = result.get(e.getKey());
      if (current instanceof Map && e.getValue() instanceof Map) {
        result.put(e.getKey(), merge((Map<String, Object>) current, (Map<String, Object>) e.getValue()));
      } else {
        result.put(e.getKey(), deepCopyValue(e.getValue()));
      }
    }
    return result;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> deepCopy(Map<String, Object> m) {
    return (Map<String, Object>) deepCopyValue(m);
  }

  @SuppressWarnings("unchecked")
  private static Object deepCopyValue(Object v) {
    if (v instanceof Map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      ((Map<String, Object>) v).forEach((k, x) -> copy.put(k, deepCopyValue(x)));
      return copy;
    }
    if (v instanceof java.util.List) {
      java.util.List<Object> copy = new java.util.ArrayList<>();
      ((java.util.List<Object>) v).forEach(x -> copy.add(deepCopyValue(x)));
      return copy;
    }
    return v;
  }
}
