package dev.interlock.adapter.jdbc;

import dev.interlock.core.port.ActionStore;
import dev.interlock.testkit.contract.ActionStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.AfterEach;

class SqliteActionStoreTest extends ActionStoreContract {
  @TempDir Path dir;
  private int n;
  private final TestDatabases databases = new TestDatabases();

  @Override
  protected ActionStore newStore() {
    return databases.sqlite(dir.resolve("db" + (n++))).actions();
  }

  @AfterEach
  void closeDatabases() {
    databases.close();
  }
}
