package dev.interlock.core.port;

import dev.interlock.core.action.Binding;
import dev.interlock.core.action.TriggerBindings;
import dev.interlock.core.trigger.TriggerId;
import java.util.List;

/**
 * Driven port: each trigger's ordered bindings. Implementations must pass {@code
 * BindingStoreContract} from the test kit.
 */
public interface BindingStore {

  /** The trigger's bindings in order, with their revision (0 and empty when never set). */
  TriggerBindings get(TriggerId trigger);

  /**
   * Atomically replaces the trigger's bindings if the stored revision is still {@code
   * expectedRevision}; otherwise a {@link dev.interlock.core.ConflictException}. Returns the new
   * state. A store that shares its home with an action store refuses, with a {@link
   * dev.interlock.core.NotFoundException} {@code action_not_found}, bindings to actions that store
   * does not hold, checked in the same atomic step as the write (a foreign key).
   */
  TriggerBindings replace(TriggerId trigger, List<Binding> bindings, long expectedRevision);
}
