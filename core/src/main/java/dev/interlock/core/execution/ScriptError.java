package dev.interlock.core.execution;

/**
 * The error an action ended with, as the script would see it: {@code name} is the JavaScript
 * error name ({@code TypeError}, {@code Error}, ...) or a platform name such as {@code
 * TimeoutError}; {@code stack} uses the author's own file name and line numbers when known.
 */
public record ScriptError(String name, String message, String stack) {
  public static ScriptError of(String name, String message) {
    return new ScriptError(name, message, null);
  }
}
