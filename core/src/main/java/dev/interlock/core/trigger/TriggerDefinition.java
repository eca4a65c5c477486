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
}
