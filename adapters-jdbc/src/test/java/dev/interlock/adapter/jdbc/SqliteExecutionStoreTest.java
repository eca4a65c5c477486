package dev.interlock.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.execution.ExecutionStatus;
import dev.interlock.core.port.ExecutionStore;
import dev.interlock.core.port.StoredExecution;
import dev.interlock.testkit.contract.ExecutionStoreContract;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteExecutionStoreTest extends ExecutionStoreContract {
  @TempDir Path dir;
  private int n;
  private final TestDatabases databases = new TestDatabases();

  @Override
  protected ExecutionStore newStore() {
    return databases.sqlite(dir.resolve("db" + (n++))).executions();
  }

  @AfterEach
  void closeDatabases() {
    databases.close();
  }

  @Test
  void everyConcurrentSaveIsStoredWhenItReturnsAndAfterReopening() throws Exception {
    // given saves from many threads at once, which group commit batches into shared transactions
    Path file = dir.resolve("group");
    TestDatabases first = new TestDatabases();
    ExecutionStore store = first.sqlite(file).executions();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Future<?>> saves = new ArrayList<>();
    try {
      for (int i = 0; i < 400; i++) {
        String id = "exec_g" + i;
        saves.add(pool.submit(() -> {
          // when one returns, its record is readable
          store.save(new StoredExecution(
              record(id, ExecutionStatus.COMPLETED, Instant.parse("2026-01-01T00:00:00Z"), null), null));
          assertThat(store.find(new dev.interlock.core.execution.ExecutionId(id))).isPresent();
        }));
      }
      for (Future<?> f : saves) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    first.close();

    // then every record is in the database file
    TestDatabases again = new TestDatabases();
    try {
      ExecutionStore reopened = again.sqlite(file).executions();
      for (int i = 0; i < 400; i++) {
        assertThat(reopened.find(new dev.interlock.core.execution.ExecutionId("exec_g" + i))).isPresent();
      }
    } finally {
      again.close();
    }
  }
}
