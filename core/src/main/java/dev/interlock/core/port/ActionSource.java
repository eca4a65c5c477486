package dev.interlock.core.port;

import java.util.Map;
import java.util.Objects;

/**
 * Code to load.
 *
 * @param name the action's name, used in messages and stack traces
 * @param code the source as the author wrote it
 * @param runtime runtime name, such as {@code node22} or {@code java}
 * @param dependencies declared modules and versions
 */
public record ActionSource(String name, String code, String runtime, Map<String, String> dependencies) {
  public ActionSource {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(runtime, "runtime");
    dependencies = dependencies == null ? Map.of() : Map.copyOf(dependencies);
  }

  public static ActionSource javascript(String name, String code) {
    return new ActionSource(name, code, "node22", Map.of());
  }
}
