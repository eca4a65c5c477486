package dev.interlock.core.action;

import dev.interlock.core.trigger.TriggerId;
import java.util.Map;
import java.util.Objects;

/**
 * Attachment of a deployed action to a trigger. A trigger's ordered bindings are its flow.
 *
 * @param configuration handed to the action as {@code event.configuration}
 * @param retry how a failing action is tried again in an async trigger's flow (off by default)
 */
public record Binding(
    String id, TriggerId trigger, ActionId action, String displayName, Map<String, String> configuration,
    RetryPolicy retry) {
  public Binding(String id, TriggerId trigger, ActionId action, String displayName, Map<String, String> configuration) {
    this(id, trigger, action, displayName, configuration, RetryPolicy.NONE);
  }

  public Binding {
    retry = retry == null ? RetryPolicy.NONE : retry;
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(action, "action");
    displayName = displayName == null ? "" : displayName;
    configuration = configuration == null ? Map.of() : Map.copyOf(configuration);
  }
}
