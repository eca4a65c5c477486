package dev.interlock.adapter.jdbc;

import dev.interlock.core.port.BindingStore;
import dev.interlock.testkit.contract.BindingStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.AfterEach;

class SqliteBindingStoreTest extends BindingStoreContract {
  @TempDir Path dir;
  private int n;
  private final TestDatabases databases = new TestDatabases();

  @Override
  protected BindingStore newStore() {
    return databases.sqlite(dir.resolve("db" + (n++))).bindings();
  }

  @AfterEach
  void closeDatabases() {
    databases.close();
  }
}
