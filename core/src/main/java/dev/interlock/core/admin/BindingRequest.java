package dev.interlock.core.admin;

import dev.interlock.core.action.ActionId;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of a trigger's new binding list.
 *
 * @param displayName null or empty for the action's name
 * @param configuration handed to the action as {@code event.configuration}
 */
public record BindingRequest(ActionId action, String displayName, Map<String, String> configuration) {
  public BindingRequest {
    Objects.requireNonNull(action, "action");
    configuration = configuration == null ? Map.of() : Map.copyOf(configuration);
  }

  public static BindingRequest of(ActionId action) {
    return new BindingRequest(action, null, Map.of());
  }
}
