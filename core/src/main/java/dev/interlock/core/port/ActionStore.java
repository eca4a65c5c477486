package dev.interlock.core.port;

import dev.interlock.core.action.Action;
import dev.interlock.core.action.ActionId;
import dev.interlock.core.action.ActionVersion;
import dev.interlock.core.trigger.TriggerId;
import java.util.List;
import java.util.Optional;

/**
 * Driven port: durable home of actions and their versions. Implementations must pass {@code
 * ActionStoreContract} from the test kit.
 */
public interface ActionStore {

  Optional<Action> find(ActionId id);

  /** All actions, or those of one trigger, ordered by creation time. */
  List<Action> list(Optional<TriggerId> trigger);

  /** Adds a new action; a {@link dev.interlock.core.ConflictException} if the id exists. */
  void insert(Action action);

  /**
   * Replaces an action if its stored revision is still {@code expectedRevision}; otherwise a
   * {@link dev.interlock.core.ConflictException} (or {@link dev.interlock.core.NotFoundException}
   * when it is gone). The new value carries the new revision.
   */
  void update(Action action, long expectedRevision);

  /**
   * Removes an action and its versions; false when it did not exist. A store that keeps bindings
   * in the same home (the JDBC stores, an {@code InMemoryBindingStore} made over this store)
   * refuses with a {@link dev.interlock.core.ConflictException} {@code action_bound} while a
   * binding names the action, checked in the same atomic step as the removal, so that a
   * concurrent binding change can never leave a binding to a deleted action.
   */
  boolean delete(ActionId id);

  /**
   * Adds a new action together with its first version, which {@code action} names as deployed:
   * either both are stored or neither. Durable stores must override this default, which undoes
   * the insert when the version cannot be added but is not atomic for concurrent readers.
   */
  default void insertDeployed(Action action, ActionVersion version) {
    insert(action);
    try {
      addVersion(version);
    } catch (RuntimeException e) {
      try {
        delete(action.id());
      } catch (RuntimeException undo) {
        e.addSuppressed(undo);
      }
      throw e;
    }
  }

  /** Adds an immutable version; a conflict if that number exists for the action. */
  void addVersion(ActionVersion version);

  Optional<ActionVersion> version(ActionId action, int number);

  /** Versions of an action, newest first. */
  List<ActionVersion> versions(ActionId action);

  /**
   * Deploys in one step: adds {@code version} and replaces the action with {@code updated} (which
   * names that version as deployed) if the action's revision is still {@code expectedRevision}.
   * Either both changes are stored or neither. Durable stores must override this default, which is
   * only atomic when nothing else writes concurrently.
   */
  default void deploy(Action updated, ActionVersion version, long expectedRevision) {
    find(updated.id()).ifPresent(current -> {
      if (current.revision() != expectedRevision) {
        throw new dev.interlock.core.ConflictException(
            "revision_conflict", "action " + updated.id() + " was changed concurrently");
      }
    });
    addVersion(version);
    update(updated, expectedRevision);
  }

  /** Removes one version (the oldest unused one when the version cap is reached); false if absent. */
  default boolean deleteVersion(ActionId action, int number) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot delete versions");
  }
}
