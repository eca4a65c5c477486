package dev.interlock.core.admin;

import dev.interlock.core.action.ActionId;
import dev.interlock.core.action.RetryPolicy;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of a trigger's new binding list.
 *
 * @param displayName null or empty for the action's name
 * @param configuration handed to the action as {@code event.configuration}
 * @param retry retries of the action when it fails (async triggers only; off by default)
 */
public record BindingRequest(
    ActionId action, String displayName, Map<String, String> configuration, RetryPolicy retry) {
  public BindingRequest(ActionId action, String displayName, Map<String, String> configuration) {
    this(action, displayName, configuration, RetryPolicy.NONE);
  }

  public BindingRequest {
    Objects.requireNonNull(action, "action");
    configuration = configuration == null ? Map.of() : Map.copyOf(configuration);
    retry = retry == null ? RetryPolicy.NONE : retry;
  }

  public BindingRequest withRetry(RetryPolicy policy) {
    return new BindingRequest(action, displayName, configuration, policy);
  }

  public static BindingRequest of(ActionId action) {
    return new BindingRequest(action, null, Map.of());
  }
}
