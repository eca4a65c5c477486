package dev.interlock.adapter.http.internal;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * Writes each record's message as one line to stderr, buffered and flushed every 200 ms (or at 32
 * KiB), so that the access log costs no system call per request. Only whole lines are written, so
 * they never interleave mid-line with other writers of stderr.
 */
public final class LineHandler extends Handler {
  private static final int FLUSH_AT = 32 * 1024;
  private final OutputStream out = new FileOutputStream(FileDescriptor.err);
  private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 1024);
  private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "interlock-log-flush");
    t.setDaemon(true);
    return t;
  });

  public LineHandler() {
    flusher.scheduleWithFixedDelay(this::flush, 200, 200, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void publish(LogRecord record) {
    if (!isLoggable(record)) {
      return;
    }
    buffer.append(record.getMessage()).append('\n');
    if (buffer.length() >= FLUSH_AT) {
      flush();
    }
  }

  @Override
  public synchronized void flush() {
    if (buffer.length() == 0) {
      return;
    }
    try {
      out.write(buffer.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      reportError(null, e, ErrorManager.WRITE_FAILURE);
    }
    buffer.setLength(0);
  }

  @Override
  public void close() {
    flusher.shutdown();
    flush();
  }
}
