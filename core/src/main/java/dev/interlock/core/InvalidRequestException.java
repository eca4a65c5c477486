package dev.interlock.core;

import java.util.List;

/** The caller sent something unusable (bad event, unknown trigger, invalid argument). */
public class InvalidRequestException extends InterlockException {
  private static final long serialVersionUID = 1L;

  public InvalidRequestException(String code, String message, List<Problem> problems) {
    super(code, message, problems, null);
  }

  public InvalidRequestException(String code, String message) {
    this(code, message, List.of());
  }
}
