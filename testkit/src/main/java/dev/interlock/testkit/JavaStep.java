package dev.interlock.testkit;

import dev.interlock.core.javaaction.JavaAction;
import java.util.Map;

/** A named Java action with its secrets, for {@link EngineFixture}. */
public record JavaStep(String name, JavaAction action, Map<String, String> secrets) {
  public static JavaStep of(String name, JavaAction action) {
    return new JavaStep(name, action, Map.of());
  }

  public JavaStep withSecrets(Map<String, String> values) {
    return new JavaStep(name, action, values);
  }
}
