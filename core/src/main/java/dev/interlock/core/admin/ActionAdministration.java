package dev.interlock.core.admin;

import dev.interlock.core.action.ActionId;
import dev.interlock.core.action.TriggerBindings;
import dev.interlock.core.execution.ExecutionId;
import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.execution.ExecutionResult;
import dev.interlock.core.trigger.TriggerId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Driving port: the action lifecycle (create, edit the draft, deploy, roll back, delete), a
 * trigger's bindings and test runs. The library, the HTTP service and the CLI all go through this
 * interface, so the lifecycle rules and the {@link AdministrationLimits} hold everywhere.
 *
 * <p>Secret values are write-only: they go in through {@link NewAction} and {@link DraftChange}
 * and come out only as names. Invalid input is refused with an {@link
 * dev.interlock.core.InvalidRequestException} listing every problem with its field path; a stale
 * {@code expectedRevision} or a change that lost a race with another writer with a {@link
 * dev.interlock.core.ConflictException}; unknown ids with a {@link
 * dev.interlock.core.NotFoundException}.
 */
public interface ActionAdministration {

  /** Creates an action for one trigger with its first draft; deploys it when asked. */
  ActionView create(NewAction request);

  ActionView get(ActionId id);

  /** All actions, or those of one trigger, oldest first. */
  List<ActionView> list(Optional<TriggerId> trigger);

  /**
   * Changes the draft (running flows are unaffected until the next deploy).
   *
   * @param expectedRevision the revision the caller read, or null to apply to the current one
   */
  ActionView updateDraft(ActionId id, DraftChange change, Long expectedRevision);

  /**
   * Snapshots the draft as a new immutable version and makes it the deployed one. The code is
   * loaded first: an {@link dev.interlock.core.ActionDefinitionException} refuses the deploy and
   * nothing changes. If the action is bound, the next execution runs the new version.
   */
  VersionView deploy(ActionId id, Long expectedRevision);

  /** Versions, newest first. */
  List<VersionView> versions(ActionId id);

  VersionView version(ActionId id, int number);

  /**
   * Deploys a copy of an older version as a new version; with {@code updateDraft} the draft
   * becomes that version's content as well.
   */
  VersionView rollback(ActionId id, int number, boolean updateDraft, Long expectedRevision);

  /**
   * Deletes the action and its versions. Refused with a {@link dev.interlock.core.ConflictException}
   * while it is bound, unless {@code force}, which unbinds it first.
   */
  void delete(ActionId id, boolean force);

  /** The trigger's bindings in execution order, with their revision. */
  TriggerBindings bindings(TriggerId trigger);

  /**
   * Replaces the trigger's ordered bindings in one step. Only deployed actions of that trigger,
   * each at most once, up to the binding limit.
   */
  TriggerBindings replaceBindings(TriggerId trigger, List<BindingRequest> bindings, long expectedRevision);

  /**
   * Runs the draft ({@code version} null) or a version against an event without binding it; the
   * result is recorded like any execution, with {@code version: null}. The event may be partial:
   * it is filled from the trigger's example event ({@link
   * dev.interlock.core.trigger.TriggerDefinition#completeEvent}), and a {@code null} removes a field.
   */
  ExecutionResult test(ActionId id, Integer version, Map<String, Object> event);

  /**
   * Failed async executions whose binding's retries are used up, oldest first. Each attempt's
   * record can be read as {@code <execution id>-attempt-<n>}.
   */
  List<ExecutionRecord> exhaustedExecutions();

  /**
   * Delivers an exhausted execution again, from the action that failed, with a fresh set of
   * attempts; returns at once with the pending record.
   *
   * @throws dev.interlock.core.ConflictException when the execution is not exhausted
   */
  ExecutionResult redeliver(ExecutionId id);
}
