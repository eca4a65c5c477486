package dev.interlock.core.action;

import dev.interlock.core.trigger.TriggerId;
import java.util.List;

/**
 * A trigger's ordered bindings and the revision they were read at (0 for a trigger never bound).
 */
public record TriggerBindings(TriggerId trigger, List<Binding> bindings, long revision) {
  public TriggerBindings {
    bindings = List.copyOf(bindings);
  }

  public static TriggerBindings empty(TriggerId trigger) {
    return new TriggerBindings(trigger, List.of(), 0);
  }
}
