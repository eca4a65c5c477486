package dev.interlock.core;

import java.util.List;

/**
 * The script author must act: the action's code cannot be loaded (syntax error, missing or
 * non-async handler, unknown module, top-level throw). Problems point at {@code line:column} of the
 * author's own source.
 */
public class ActionDefinitionException extends InterlockException {
  private static final long serialVersionUID = 1L;

  public ActionDefinitionException(String message, List<Problem> problems, Throwable cause) {
    super("action_load", message, problems, cause);
  }

  public ActionDefinitionException(String message) {
    this(message, List.of(), null);
  }
}
