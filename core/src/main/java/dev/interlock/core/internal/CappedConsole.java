package dev.interlock.core.internal;

import dev.interlock.core.execution.LogEntry;
import dev.interlock.core.json.Json;
import dev.interlock.core.port.ActionConsole;
import java.util.ArrayList;
import java.util.List;

/**
 * An action's console: keeps lines up to a byte budget, then drops and remembers that it did.
 * Secret values of the action are masked in every kept line.
 */
final class CappedConsole implements ActionConsole {
  private final int limitBytes;
  private final Redactor redactor;
  private final List<LogEntry> entries = new ArrayList<>();
  private int usedBytes;
  private boolean truncated;

  CappedConsole(int limitBytes, Redactor redactor) {
    this.limitBytes = limitBytes;
    this.redactor = redactor;
  }

  @Override
  public synchronized void write(String level, String message) {
    if (truncated) {
      return;
    }
    String text = redactor.redact(message == null ? "" : message);
    int size = Json.utf8Length(text);
    if (usedBytes + size > limitBytes) {
      truncated = true;
      return;
    }
    usedBytes += size;
    entries.add(new LogEntry(level, text));
  }

  synchronized List<LogEntry> entries() {
    return List.copyOf(entries);
  }

  synchronized boolean truncated() {
    return truncated;
  }
}
