package dev.interlock.core.action;

import java.util.Map;
import java.util.Objects;

/**
 * The editable state of an action: code, runtime ({@code node22} by default, {@code java} for
 * actions implemented in Java), npm-style dependencies and secrets.
 */
public record ActionDraft(String code, String runtime, Map<String, String> dependencies, Secrets secrets) {
  public static final String DEFAULT_RUNTIME = "node22";

  public ActionDraft {
    Objects.requireNonNull(code, "code");
    runtime = runtime == null ? DEFAULT_RUNTIME : runtime;
    dependencies = dependencies == null ? Map.of() : Map.copyOf(dependencies);
    secrets = secrets == null ? Secrets.none() : secrets;
  }

  public static ActionDraft of(String code) {
    return new ActionDraft(code, DEFAULT_RUNTIME, Map.of(), Secrets.none());
  }
}
