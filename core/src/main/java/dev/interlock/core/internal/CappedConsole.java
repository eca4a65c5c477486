package dev.interlock.core.internal;

import dev.interlock.core.execution.LogEntry;
import dev.interlock.core.json.Json;
import dev.interlock.core.port.ActionConsole;
import java.util.ArrayList;
import java.util.List;

/**
 * An action's console: keeps lines up to a byte budget, then drops and remembers that it did.
 * Lines longer than the line limit are cut (and marked); the execution's whole console output is
 * bounded too, shared by its actions. Secret values of the action are masked in every kept line.
 */
final class CappedConsole implements ActionConsole {
  private static final String CUT = "... (truncated)";
  /** More than the longest secret value (4 KiB), so that cutting never leaves part of one. */
  private static final int SECRET_MARGIN = 8192;
  private final int limitBytes;
  private final Redactor redactor;
  private final int lineLimitBytes;
  private final ResultBudget execution;
  private final List<LogEntry> entries = new ArrayList<>();
  private int usedBytes;
  /** Some output was cut or dropped. */
  private boolean truncated;
  /** The cap is reached: later lines are dropped. */
  private boolean dropping;

  CappedConsole(int limitBytes, Redactor redactor) {
    this(limitBytes, redactor, new ResultBudget(dev.interlock.core.EngineConfig.ResultLimits.defaults()));
  }

  CappedConsole(int limitBytes, Redactor redactor, ResultBudget execution) {
    this.limitBytes = limitBytes;
    this.redactor = redactor;
    this.lineLimitBytes = execution.limits().maxLogLineBytes();
    this.execution = execution;
  }

  @Override
  public synchronized void write(String level, String message) {
    if (dropping) {
      return;
    }
    String text = message == null ? "" : message;
    if (text.length() > lineLimitBytes + SECRET_MARGIN) {
      // masking copies the line: cut first, but beyond any secret that could straddle the final cut
      text = text.substring(0, lineLimitBytes + SECRET_MARGIN);
    }
    text = redactor.redact(text);
    int size = Json.utf8Length(text);
    if (size > lineLimitBytes) {
      text = cut(text, lineLimitBytes) + CUT;
      size = Json.utf8Length(text);
      truncated = true;
    }
    if (usedBytes + size > limitBytes || execution.admitLog(size) < size) {
      truncated = true;
      dropping = true;
      return;
    }
    usedBytes += size;
    entries.add(new LogEntry(level, text));
  }

  /** The longest prefix of {@code text} of at most {@code bytes} UTF-8 bytes. */
  private static String cut(String text, int bytes) {
    int used = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      used += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isHighSurrogate(c) ? 4 : Character.isLowSurrogate(c) ? 0 : 3;
      if (used > bytes) {
        return text.substring(0, i);
      }
    }
    return text;
  }

  synchronized List<LogEntry> entries() {
    return List.copyOf(entries);
  }

  synchronized boolean truncated() {
    return truncated;
  }
}
