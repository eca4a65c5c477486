package dev.interlock.core.action;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** An immutable deployed snapshot of an action: code, runtime, dependencies and secrets. */
public record ActionVersion(
    String id,
    ActionId actionId,
    int number,
    String code,
    String runtime,
    Map<String, String> dependencies,
    Secrets secrets,
    Instant createdAt) {
  public ActionVersion {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(actionId, "actionId");
    if (number < 1) {
      throw new IllegalArgumentException("version numbers start at 1");
    }
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(runtime, "runtime");
    dependencies = Map.copyOf(dependencies);
    secrets = secrets == null ? Secrets.none() : secrets;
  }
}
