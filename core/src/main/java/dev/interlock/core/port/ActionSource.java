package dev.interlock.core.port;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Code to load.
 *
 * @param name the action's name, used in messages and stack traces
 * @param code the source as the author wrote it
 * @param runtime runtime name, such as {@code node22} or {@code java}
 * @param dependencies declared npm packages and versions
 * @param modules the Actions Modules the action version references, which its code reads with
 *     {@code require('actions:<name>')}
 */
public record ActionSource(
    String name, String code, String runtime, Map<String, String> dependencies, List<ModuleSource> modules) {
  public ActionSource {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(runtime, "runtime");
    dependencies = dependencies == null ? Map.of() : Map.copyOf(dependencies);
    modules = modules == null ? List.of() : List.copyOf(modules);
  }

  /** Code without Actions Modules. */
  public ActionSource(String name, String code, String runtime, Map<String, String> dependencies) {
    this(name, code, runtime, dependencies, List.of());
  }

  public static ActionSource javascript(String name, String code) {
    return new ActionSource(name, code, "node22", Map.of());
  }

  /**
   * One published version of an Actions Module, as an action version references it.
   *
   * @param name the module's name ({@code require('actions:<name>')})
   * @param version the published version number
   * @param code the module's CommonJS source
   * @param dependencies the module's own npm packages
   * @param secrets the module's own secrets, read inside it as {@code actions.secrets.NAME}
   */
  public record ModuleSource(
      String name, int version, String code, Map<String, String> dependencies, Map<String, String> secrets) {
    public ModuleSource {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(code, "code");
      dependencies = dependencies == null ? Map.of() : Map.copyOf(dependencies);
      secrets = secrets == null ? Map.of() : Map.copyOf(secrets);
    }

    @Override
    public String toString() {
      return "ModuleSource[name=" + name + ", version=" + version + ", dependencies=" + dependencies
          + ", secrets=" + secrets.keySet() + "]";
    }
  }
}
