package dev.interlock.core.action;

import dev.interlock.core.trigger.TriggerId;
import java.util.Map;
import java.util.Objects;

/**
 * Attachment of a deployed action to a trigger. A trigger's ordered bindings are its flow.
 *
 * @param configuration handed to the action as {@code event.configuration}
 */
public record Binding(
    String id, TriggerId trigger, ActionId action, String displayName, Map<String, String> configuration) {
  public Binding {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(action, "action");
    displayName = displayName == null ? "" : displayName;
    configuration = configuration == null ? Map.of() : Map.copyOf(configuration);
  }
}
