package dev.interlock.core.trigger;

import dev.interlock.core.execution.Command;
import dev.interlock.core.port.UserDirectory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an {@link ApiFunction} may see and touch while one action runs. Provided by the flow
 * engine, one per action invocation, confined to the invoking thread.
 */
public interface ApiCall {
  TriggerId trigger();

  String executionId();

  String actionName();

  /** The event as this action received it, including its own secrets. Do not modify. */
  Map<String, Object> event();

  /**
   * State shared by the actions of this flow and kept across a suspension: counters (MFA commands,
   * primary user), transaction metadata and the like. JSON values only, since it is persisted.
   */
  Map<String, Object> flowState();

  /** Commands this action has recorded so far. */
  List<Command> commands();

  /**
   * Changes the event the running script sees, for the few api methods whose effect Auth0 makes
   * visible at once (for example {@code transaction.setMetadata} updates {@code
   * event.transaction.metadata}). Missing intermediate objects are created. The value is a JSON
   * value; {@link dev.interlock.core.json.Undefined#VALUE} deletes the property.
   */
  void updateEvent(List<String> path, Object value);

  /** The trigger-scoped cache. */
  CacheAccess cache();

  Instant now();

  /**
   * The opaque state that identifies this flow if it suspends now; redirect methods append it to
   * the target URL and the resume request must present it.
   */
  String continuationState();

  /**
   * Sets where a suspension sends the user ({@code redirect_url} of the continuation) and any
   * extra details for the caller (form id, MFA factors). Only meaningful together with a method
   * whose effect suspends the flow.
   */
  void suspendTo(String redirectUrl, Map<String, Object> details);

  /** The identity provider's directory (groups, roles); {@link UserDirectory#NONE} when none is configured. */
  UserDirectory directory();

  /** When a resume handler runs: the request that resumed the flow. */
  Optional<ResumeRequest> resumeRequest();
}
