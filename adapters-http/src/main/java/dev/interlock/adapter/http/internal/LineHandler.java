package dev.interlock.adapter.http.internal;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * Writes each record's message as one line to stderr, buffered and flushed every 200 ms (or at 32
 * KiB), so that the access log costs no system call per request. Only whole lines are written, so
 * they never interleave mid-line with other writers of stderr.
 *
 * <p>Appending a line takes only the buffer's lock; the write takes the buffer's contents and
 * writes them outside that lock, so request threads do not wait for (or spin on) a write to stderr
 * while they log. Writes are serialized, so lines keep their order; a thread that fills the
 * buffer flushes it itself and waits for the write, which holds the buffer to about 32 KiB even
 * when stderr is slow.
 */
public final class LineHandler extends Handler {
  private static final int FLUSH_AT = 32 * 1024;
  private final OutputStream out;
  private final ReentrantLock bufferLock = new ReentrantLock();
  private final ReentrantLock writeLock = new ReentrantLock();
  private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 1024);
  private final ScheduledExecutorService flusher;

  public LineHandler() {
    this(new FileOutputStream(FileDescriptor.err), true);
  }

  /** A handler writing to {@code out}; {@code timed} adds the 200 ms flush. */
  LineHandler(OutputStream out, boolean timed) {
    this.out = out;
    if (timed) {
      flusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "interlock-log-flush");
        t.setDaemon(true);
        return t;
      });
      flusher.scheduleWithFixedDelay(this::flush, 200, 200, TimeUnit.MILLISECONDS);
    } else {
      flusher = null;
    }
  }

  @Override
  public void publish(LogRecord record) {
    if (!isLoggable(record)) {
      return;
    }
    String line = record.getMessage();
    boolean full;
    bufferLock.lock();
    try {
      buffer.append(line).append('\n');
      full = buffer.length() >= FLUSH_AT;
    } finally {
      bufferLock.unlock();
    }
    if (full) {
      flush();
    }
  }

  @Override
  public void flush() {
    writeLock.lock();
    try {
      String text;
      bufferLock.lock();
      try {
        if (buffer.length() == 0) {
          return;
        }
        text = buffer.toString();
        buffer.setLength(0);
      } finally {
        bufferLock.unlock();
      }
      try {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
      } catch (IOException e) {
        reportError(null, e, ErrorManager.WRITE_FAILURE);
      }
    } finally {
      writeLock.unlock();
    }
  }

  @Override
  public void close() {
    if (flusher != null) {
      flusher.shutdown();
    }
    flush();
  }
}
