package dev.interlock.adapter.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class LineHandlerTest {

  @Test
  void writesEachMessageAsOneLineInOrder() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LineHandler handler = new LineHandler(out, false);

    handler.publish(new LogRecord(Level.INFO, "{\"a\":1}"));
    handler.publish(new LogRecord(Level.INFO, "{\"b\":2}"));
    handler.flush();

    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}\n{\"b\":2}\n");
  }

  @Test
  void losesNoLineAndSplitsNoneWhenManyThreadsLogPastTheBufferSize() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LineHandler handler = new LineHandler(out, false);
    String padding = "x".repeat(200);
    ExecutorService pool = Executors.newFixedThreadPool(8);

    List<Future<?>> done = new ArrayList<>();
    try {
      for (int t = 0; t < 8; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < 1000; i++) {
            handler.publish(new LogRecord(Level.INFO, thread + ":" + i + ":" + padding));
          }
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    handler.close();

    List<String> lines = Arrays.asList(out.toString(StandardCharsets.UTF_8).split("\n"));
    assertThat(lines).hasSize(8000).doesNotHaveDuplicates().allMatch(l -> l.matches("\\d:\\d+:x{200}"));
    for (int t = 0; t < 8; t++) {
      String prefix = t + ":";
      List<String> own = lines.stream().filter(l -> l.startsWith(prefix)).toList();
      for (int i = 0; i < own.size(); i++) {
        assertThat(own.get(i)).startsWith(prefix + i + ":");
      }
    }
  }
}
