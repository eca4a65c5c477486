package dev.interlock.core.admin;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Changes to an action's draft; a null field stays as it is. {@code secrets}, when given, replaces
 * the whole set (as Auth0 does for modules): a name mapped to null keeps its current value, a name
 * left out is removed. {@link #toString()} never shows secret values.
 */
public record DraftChange(
    String name, String code, String runtime, Map<String, String> dependencies, Map<String, String> secrets) {
  public DraftChange {
    dependencies = dependencies == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(dependencies));
    // LinkedHashMap, not Map.copyOf: a null value means "keep the current value"
    secrets = secrets == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(secrets));
  }

  public static DraftChange none() {
    return new DraftChange(null, null, null, null, null);
  }

  public static DraftChange code(String code) {
    return new DraftChange(null, code, null, null, null);
  }

  public DraftChange withName(String value) {
    return new DraftChange(value, code, runtime, dependencies, secrets);
  }

  public DraftChange withCode(String value) {
    return new DraftChange(name, value, runtime, dependencies, secrets);
  }

  public DraftChange withRuntime(String value) {
    return new DraftChange(name, code, value, dependencies, secrets);
  }

  public DraftChange withDependencies(Map<String, String> value) {
    return new DraftChange(name, code, runtime, value, secrets);
  }

  public DraftChange withSecrets(Map<String, String> value) {
    return new DraftChange(name, code, runtime, dependencies, value);
  }

  @Override
  public String toString() {
    return "DraftChange[name=" + name + ", code=" + (code == null ? null : code.length() + " chars") + ", runtime="
        + runtime + ", dependencies=" + dependencies + ", secrets=" + (secrets == null ? null : secrets.keySet()) + "]";
  }
}
