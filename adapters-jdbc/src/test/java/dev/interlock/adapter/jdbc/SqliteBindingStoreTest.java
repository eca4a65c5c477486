package dev.interlock.adapter.jdbc;

import dev.interlock.core.action.ActionId;
import dev.interlock.core.port.BindingStore;
import dev.interlock.testkit.contract.BindingStoreContract;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteBindingStoreTest extends BindingStoreContract {
  @TempDir Path dir;
  private int n;
  private final TestDatabases databases = new TestDatabases();
  private JdbcStores stores;

  @Override
  protected BindingStore newStore() {
    stores = databases.sqlite(dir.resolve("db" + (n++)));
    return stores.bindings();
  }

  @Override
  protected void actionsExist(List<ActionId> ids) {
    TestDatabases.insertActions(stores, ids);
  }

  @AfterEach
  void closeDatabases() {
    databases.close();
  }
}
