package dev.interlock.core;

import java.util.Map;
import java.util.Objects;

/**
 * Code run without deploying or binding it (the CLI's {@code run}, tests of drafts): recorded with
 * {@code version: null}.
 */
public record AdHocAction(
    String name, String code, String runtime, Map<String, String> secrets, Map<String, String> configuration) {
  public AdHocAction {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(code, "code");
    runtime = runtime == null ? "node22" : runtime;
    secrets = secrets == null ? Map.of() : Map.copyOf(secrets);
    configuration = configuration == null ? Map.of() : Map.copyOf(configuration);
  }

  public static AdHocAction javascript(String name, String code) {
    return new AdHocAction(name, code, "node22", Map.of(), Map.of());
  }

  public AdHocAction withSecrets(Map<String, String> values) {
    return new AdHocAction(name, code, runtime, values, configuration);
  }
}
