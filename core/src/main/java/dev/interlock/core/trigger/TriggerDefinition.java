package dev.interlock.core.trigger;

import java.util.Objects;
import java.util.Optional;

/**
 * Everything the engine knows about one trigger: identity and version, whether callers wait for
 * it, the handler names, the event contract, the api contract and the family's flow rules.
 *
 * @param id such as {@code post-login}
 * @param version trigger version selecting the event/api shape, such as {@code v3}
 * @param family name of the family that supplies it, such as {@code signup-login}
 * @param mode whether the identity pipeline waits for the flow
 * @param handler main handler export, such as {@code onExecutePostLogin}
 * @param resumeHandler handler called after a redirect or form, or {@code null}
 * @param event contract of {@code event}
 * @param api contract of {@code api}
 * @param behavior how actions' commands shape later events, the outcome and resumption
 * @param description one line for listings
 */
public record TriggerDefinition(
    TriggerId id,
    String version,
    String family,
    TriggerMode mode,
    String handler,
    String resumeHandler,
    Schema event,
    ApiContract api,
    TriggerBehavior behavior,
    String description) {
  public TriggerDefinition {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(handler, "handler");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(api, "api");
    Objects.requireNonNull(behavior, "behavior");
    description = description == null ? "" : description;
  }

  public Optional<String> resumeHandlerName() {
    return Optional.ofNullable(resumeHandler);
  }

  public boolean isAsync() {
    return mode == TriggerMode.ASYNC;
  }

  /** A fresh copy of the family's example event ({@link TriggerBehavior#exampleEvent()}). */
  public java.util.Map<String, Object> exampleEvent() {
    return EventMerge.merge(behavior.exampleEvent(), java.util.Map.of());
  }

  /**
   * A partial event filled from the {@link #exampleEvent() example}: objects merge key by key (the
   * partial wins), anything else (arrays included) replaces the example's value, and a
   * {@code null} removes the field (so an optional field can be left out; a required one is then
   * reported missing by validation). The partial is not modified. This is how test runs read their
   * event, from the library, HTTP ({@code POST /actions/{id}/test}) and the CLI alike.
   */
  public java.util.Map<String, Object> completeEvent(java.util.Map<String, Object> partial) {
    return mergeEvents(behavior.exampleEvent(), partial == null ? java.util.Map.of() : partial);
  }

  /** {@code over} merged into a deep copy of {@code base}, as {@link #completeEvent} merges. */
  public static java.util.Map<String, Object> mergeEvents(
      java.util.Map<String, Object> base, java.util.Map<String, Object> over) {
    return EventMerge.merge(base, over);
  }
}
