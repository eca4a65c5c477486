package dev.interlock.core.action;

import dev.interlock.core.trigger.TriggerId;
import java.time.Instant;
import java.util.Objects;

/**
 * A named unit of code for exactly one trigger, with a mutable draft and immutable deployed
 * versions.
 *
 * @param deployedVersion number of the version that runs when the action is bound, or null
 * @param revision increases on every change; writers pass the revision they read, so a concurrent
 *     change is detected instead of overwritten
 */
public record Action(
    ActionId id,
    String name,
    TriggerId trigger,
    ActionDraft draft,
    Integer deployedVersion,
    long revision,
    Instant createdAt,
    Instant updatedAt) {
  public Action {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(draft, "draft");
  }
}
