package dev.interlock.adapter.jdbc;

import dev.interlock.core.port.ExecutionStore;
import dev.interlock.testkit.contract.ExecutionStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.AfterEach;

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
}
