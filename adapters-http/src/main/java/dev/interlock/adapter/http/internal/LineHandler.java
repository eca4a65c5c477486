package dev.interlock.adapter.http.internal;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * Writes each record's message as one line to stderr, buffered and flushed every 200 ms, so that
 * the access log costs no system call per request.
 */
public final class LineHandler extends Handler {
  private final Writer out =
      new BufferedWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), 64 * 1024);
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
    try {
      out.write(record.getMessage());
      out.write('\n');
    } catch (IOException e) {
      reportError(null, e, java.util.logging.ErrorManager.WRITE_FAILURE);
    }
  }

  @Override
  public synchronized void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      reportError(null, e, java.util.logging.ErrorManager.FLUSH_FAILURE);
    }
  }

  @Override
  public void close() {
    flusher.shutdown();
    flush();
  }
}
