package dev.interlock.core.port;

/** Sink for an action's console output. The engine caps it and reports truncation. */
public interface ActionConsole {
  /** Writes one line at {@code level} ({@code log}, {@code info}, {@code warn}, ...). */
  void write(String level, String message);
}
