package dev.interlock.core;

/** The async worker queue is full; the caller should retry later. */
public class EngineBusyException extends InterlockException {
  private static final long serialVersionUID = 1L;

  public EngineBusyException(String message) {
    super("engine_busy", message);
  }
}
