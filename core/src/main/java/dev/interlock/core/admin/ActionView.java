package dev.interlock.core.admin;

import dev.interlock.core.action.ActionId;
import dev.interlock.core.trigger.TriggerId;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An action as callers see it: the draft with secret names only.
 *
 * @param deployedVersion number of the deployed version, or null
 * @param allChangesDeployed false when the draft differs from the deployed version
 * @param revision pass it back as {@code expectedRevision} to detect concurrent changes
 */
public record ActionView(
    ActionId id,
    String name,
    TriggerId trigger,
    String code,
    String runtime,
    Map<String, String> dependencies,
    List<String> secretNames,
    Integer deployedVersion,
    boolean allChangesDeployed,
    long revision,
    Instant createdAt,
    Instant updatedAt) {
  public ActionView {
    dependencies = Map.copyOf(dependencies);
    secretNames = List.copyOf(secretNames);
  }
}
