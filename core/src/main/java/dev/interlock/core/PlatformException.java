package dev.interlock.core;

/**
 * The operator must act: a store, a runtime or the configuration failed. Never caused by the
 * caller's input or the action's code.
 */
public class PlatformException extends InterlockException {
  private static final long serialVersionUID = 1L;

  public PlatformException(String code, String message, Throwable cause) {
    super(code, message, java.util.List.of(), cause);
  }

  public PlatformException(String message, Throwable cause) {
    this("platform_error", message, cause);
  }
}
