package dev.interlock.core.javaaction;

import java.util.Map;

/**
 * An action written in Java against the same event and api contract as JavaScript actions.
 * Register it with {@link JavaActionRuntime#register} and bind it like any action whose runtime is
 * {@code java} and whose code is the registered name.
 *
 * <p>The event is the action's own mutable copy (JSON values); writes to it are not seen by later
 * actions. A thrown exception fails the action with {@code action_error}. Java code cannot be
 * pre-empted: the engine records a timeout only when the handler returns after its deadline.
 */
@FunctionalInterface
public interface JavaAction {

  /** The main handler ({@code onExecute...}). */
  void onExecute(Map<String, Object> event, JavaApi api) throws Exception;

  /** The resume handler ({@code onContinue...}); by default the action has none. */
  default void onContinue(Map<String, Object> event, JavaApi api) throws Exception {
    throw new UnsupportedOperationException("this action has no resume handler");
  }
}
