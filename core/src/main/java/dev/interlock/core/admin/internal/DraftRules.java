package dev.interlock.core.admin.internal;

import dev.interlock.core.Problem;
import dev.interlock.core.admin.AdministrationLimits;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Checks an action's fields against the limits and adds every problem found, with its field path.
 * Messages name the field and the rule, never a secret's value.
 */
final class DraftRules {
  private final AdministrationLimits limits;
  private final Predicate<String> supportedRuntime;

  DraftRules(AdministrationLimits limits, Predicate<String> supportedRuntime) {
    this.limits = limits;
    this.supportedRuntime = supportedRuntime;
  }

  void name(String name, List<Problem> problems) {
    if (name == null || name.isBlank()) {
      problems.add(new Problem("name", "is required"));
    } else if (name.length() > limits.maxNameLength()) {
      problems.add(new Problem("name", "is longer than " + limits.maxNameLength() + " characters"));
    }
  }

  void code(String code, List<Problem> problems) {
    int bytes = code.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > limits.maxCodeBytes()) {
      problems.add(new Problem("code", "is " + bytes + " bytes; at most " + limits.maxCodeBytes() + " are allowed"));
    }
  }

  void runtime(String runtime, List<Problem> problems) {
    if (runtime != null && runtime.isBlank()) {
      problems.add(new Problem("runtime", "must not be blank"));
    }
  }

  /** A runtime a draft is changed to must be one the engine runs, not only a non-blank name. */
  void changedRuntime(String runtime, List<Problem> problems) {
    runtime(runtime, problems);
    if (runtime != null && !runtime.isBlank() && !supportedRuntime.test(runtime)) {
      problems.add(new Problem("runtime", "'" + runtime + "' is not a runtime this server runs"));
    }
  }

  void dependencies(Map<String, String> dependencies, List<Problem> problems) {
    if (dependencies.size() > limits.maxDependencies()) {
      problems.add(new Problem("dependencies",
          "has " + dependencies.size() + " entries; at most " + limits.maxDependencies() + " are allowed"));
    }
    for (Map.Entry<String, String> d : dependencies.entrySet()) {
      if (d.getKey() == null || d.getKey().isBlank()) {
        problems.add(new Problem("dependencies", "a dependency name is blank"));
      } else if (d.getValue() == null || d.getValue().isBlank()) {
        problems.add(new Problem("dependencies." + d.getKey(), "needs a version"));
      }
    }
  }

  /** {@code allowKeep}: a null value keeps the current one (draft updates only). */
  void secrets(Map<String, String> secrets, boolean allowKeep, List<Problem> problems) {
    if (secrets.size() > limits.maxSecrets()) {
      problems.add(new Problem("secrets",
          "has " + secrets.size() + " entries; at most " + limits.maxSecrets() + " are allowed"));
    }
    for (Map.Entry<String, String> s : secrets.entrySet()) {
      String name = s.getKey();
      if (name == null || name.isEmpty()) {
        problems.add(new Problem("secrets", "a secret name is empty"));
        continue;
      }
      String path = "secrets." + (name.length() > 64 ? name.substring(0, 64) + "..." : name);
      if (name.length() > limits.maxSecretNameLength()) {
        problems.add(new Problem(path, "name is longer than " + limits.maxSecretNameLength() + " characters"));
      }
      if (name.chars().anyMatch(Character::isWhitespace)) {
        problems.add(new Problem(path, "name must not contain whitespace"));
      }
      String value = s.getValue();
      if (value == null) {
        if (!allowKeep) {
          problems.add(new Problem(path, "needs a value"));
        }
      } else if (value.length() > limits.maxSecretValueLength()) {
        problems.add(new Problem(path, "value is longer than " + limits.maxSecretValueLength() + " characters"));
      }
    }
  }
}
