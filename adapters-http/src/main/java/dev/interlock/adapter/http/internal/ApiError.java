package dev.interlock.adapter.http.internal;

import dev.interlock.core.Problem;
import java.util.List;

/** An error the HTTP layer itself detects (authentication, request shape, size). */
public final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String errorCode;
  private final transient List<Problem> problems;

  public ApiError(int status, String errorCode, String message, List<Problem> problems) {
    super(message, null, false, false);
    this.status = status;
    this.errorCode = errorCode;
    this.problems = List.copyOf(problems);
  }

  public ApiError(int status, String errorCode, String message) {
    this(status, errorCode, message, List.of());
  }

  public static ApiError badRequest(String errorCode, String path, String message) {
    return new ApiError(400, errorCode, path + ": " + message, List.of(new Problem(path, message)));
  }

  public int status() {
    return status;
  }

  public String errorCode() {
    return errorCode;
  }

  public List<Problem> problems() {
    return problems;
  }
}
