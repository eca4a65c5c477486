package dev.interlock.core;

import java.util.List;

/**
 * Root of every exception Interlock throws. Each carries a stable, machine-readable {@link #code()}
 * and, where the input was at fault, the list of {@link #problems()} with their paths. The
 * subtypes say who must act: the caller ({@link InvalidRequestException}, {@link
 * NotFoundException}, {@link ConflictException}), the script author ({@link
 * ActionDefinitionException}) or the operator ({@link PlatformException}). Only transports map
 * them to HTTP statuses or exit codes.
 */
public class InterlockException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String code;
  private final List<Problem> problems;

  public InterlockException(String code, String message, List<Problem> problems, Throwable cause) {
    super(message, cause);
    this.code = code;
    this.problems = List.copyOf(problems);
  }

  public InterlockException(String code, String message) {
    this(code, message, List.of(), null);
  }

  public String code() {
    return code;
  }

  public List<Problem> problems() {
    return problems;
  }

  /** The message followed by every problem, one per line. */
  public String describe() {
    if (problems.isEmpty()) {
      return getMessage();
    }
    StringBuilder sb = new StringBuilder(getMessage());
    for (Problem p : problems) {
      sb.append(System.lineSeparator()).append("  - ").append(p);
    }
    return sb.toString();
  }
}
