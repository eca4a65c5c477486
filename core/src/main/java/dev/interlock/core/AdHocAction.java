package dev.interlock.core;

import java.util.Map;
import java.util.Objects;

/**
 * Code run without deploying or binding it (the CLI's {@code run}, tests of drafts): recorded with
 * {@code version: null}.
 *
 * @param dependencies npm dependencies the code declares (name to version), as a deployed version
 *     would; the runtime may select behaviour by them (e.g. node-auth0 3 or 4)
 */
public record AdHocAction(
    String name, String code, String runtime, Map<String, String> secrets, Map<String, String> configuration,
    Map<String, String> dependencies) {
  public AdHocAction {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(code, "code");
    runtime = runtime == null ? "node22" : runtime;
    secrets = secrets == null ? Map.of() : Map.copyOf(secrets);
    configuration = configuration == null ? Map.of() : Map.copyOf(configuration);
    dependencies = dependencies == null ? Map.of() : Map.copyOf(dependencies);
  }

  /** Without declared dependencies. */
  public AdHocAction(
      String name, String code, String runtime, Map<String, String> secrets, Map<String, String> configuration) {
    this(name, code, runtime, secrets, configuration, Map.of());
  }

  public static AdHocAction javascript(String name, String code) {
    return new AdHocAction(name, code, "node22", Map.of(), Map.of());
  }

  public AdHocAction withSecrets(Map<String, String> values) {
    return new AdHocAction(name, code, runtime, values, configuration, dependencies);
  }

  public AdHocAction withDependencies(Map<String, String> values) {
    return new AdHocAction(name, code, runtime, secrets, configuration, values);
  }
}
