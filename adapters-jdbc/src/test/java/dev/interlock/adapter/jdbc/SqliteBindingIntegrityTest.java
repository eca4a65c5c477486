package dev.interlock.adapter.jdbc;

import dev.interlock.testkit.contract.BindingIntegrityContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteBindingIntegrityTest extends BindingIntegrityContract {
  @TempDir Path dir;
  private int n;
  private final TestDatabases databases = new TestDatabases();

  @Override
  protected Home newHome() {
    JdbcStores stores = databases.sqlite(dir.resolve("db" + (n++)));
    return new Home(stores.actions(), stores.bindings());
  }

  @AfterEach
  void closeDatabases() {
    databases.close();
  }
}
