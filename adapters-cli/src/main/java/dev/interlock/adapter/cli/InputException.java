package dev.interlock.adapter.cli;

/** Input the user must fix: a file that cannot be read, JSON that does not parse, a bad option value. */
final class InputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  InputException(String message) {
    super(message);
  }
}
