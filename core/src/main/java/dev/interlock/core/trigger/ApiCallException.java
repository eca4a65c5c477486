package dev.interlock.core.trigger;

/**
 * Thrown by an api function when the script called it wrongly. The script runtime rethrows it
 * inside the script as a JavaScript error of {@link #errorName()} ({@code TypeError}, {@code
 * RangeError} or {@code Error}), so the author can catch it; uncaught, it fails the action with
 * code {@code action_error} like any other throw.
 */
public final class ApiCallException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String errorName;

  public ApiCallException(String errorName, String message) {
    super(message, null, false, false);
    this.errorName = errorName;
  }

  public static ApiCallException typeError(String message) {
    return new ApiCallException("TypeError", message);
  }

  public static ApiCallException rangeError(String message) {
    return new ApiCallException("RangeError", message);
  }

  public static ApiCallException error(String message) {
    return new ApiCallException("Error", message);
  }

  public String errorName() {
    return errorName;
  }
}
