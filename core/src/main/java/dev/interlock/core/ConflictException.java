package dev.interlock.core;

/**
 * The caller's change lost a race or contradicts the current state (stale revision, action still
 * bound, duplicate name). Retrying after re-reading the current state may succeed.
 */
public class ConflictException extends InterlockException {
  private static final long serialVersionUID = 1L;

  public ConflictException(String code, String message) {
    super(code, message);
  }
}
