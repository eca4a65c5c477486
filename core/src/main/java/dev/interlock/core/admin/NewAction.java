package dev.interlock.core.admin;

import dev.interlock.core.trigger.TriggerId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Request to create an action. Fields are checked by the administration, which reports every
 * problem at once; {@link #toString()} never shows secret values.
 *
 * @param runtime null for the default ({@code node22})
 * @param secrets names and values, write-only
 * @param deploy deploy right after creating
 */
public record NewAction(
    String name,
    TriggerId trigger,
    String code,
    String runtime,
    Map<String, String> dependencies,
    Map<String, String> secrets,
    boolean deploy) {
  public NewAction {
    code = code == null ? "" : code;
    dependencies = dependencies == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(dependencies));
    secrets = secrets == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(secrets));
  }

  public static NewAction of(String name, TriggerId trigger, String code) {
    return new NewAction(name, trigger, code, null, Map.of(), Map.of(), false);
  }

  public NewAction withSecrets(Map<String, String> values) {
    return new NewAction(name, trigger, code, runtime, dependencies, values, deploy);
  }

  public NewAction withRuntime(String value) {
    return new NewAction(name, trigger, code, value, dependencies, secrets, deploy);
  }

  public NewAction withDependencies(Map<String, String> value) {
    return new NewAction(name, trigger, code, runtime, value, secrets, deploy);
  }

  public NewAction deployed() {
    return new NewAction(name, trigger, code, runtime, dependencies, secrets, true);
  }

  @Override
  public String toString() {
    return "NewAction[name=" + name + ", trigger=" + trigger + ", runtime=" + runtime + ", dependencies="
        + dependencies + ", secrets=" + secrets.keySet() + ", deploy=" + deploy + "]";
  }
}
