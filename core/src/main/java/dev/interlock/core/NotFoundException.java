package dev.interlock.core;

/** The caller named something that does not exist (action, version, execution, trigger). */
public class NotFoundException extends InterlockException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String code, String message) {
    super(code, message);
  }
}
