package dev.interlock.core.port;

import java.util.Map;

/**
 * One call of an action's handler.
 *
 * @param handler export to call, such as {@code onExecutePostLogin}
 * @param event the event for this action (its own secrets included); read-only
 * @param api the api session: the methods of the trigger's contract, bound to this invocation
 * @param console where console output goes (capped by the engine)
 * @param deadlineNanos {@link System#nanoTime()} value after which the action must stop
 */
public record Invocation(
    String handler, Map<String, Object> event, ApiSession api, ActionConsole console, long deadlineNanos) {

  public long remainingNanos() {
    return deadlineNanos - System.nanoTime();
  }
}
