package dev.interlock.core.trigger;

import java.util.List;

/**
 * Service-provider interface through which a trigger family plugs its triggers into the engine.
 * Implementations are found with {@link java.util.ServiceLoader} (declare them in {@code
 * META-INF/services/dev.interlock.core.trigger.TriggerFamily}) or handed to the engine directly;
 * core never names them.
 */
public interface TriggerFamily {
  /** Family name, such as {@code signup-login}. */
  String name();

  /** The triggers this family supplies. */
  List<TriggerDefinition> triggers();
}
