package dev.interlock.adapter.jdbc;

import dev.interlock.testkit.contract.BindingIntegrityContract;
import org.junit.jupiter.api.AfterEach;

class PostgresBindingIntegrityTest extends BindingIntegrityContract {
  private final TestDatabases databases = new TestDatabases();

  @Override
  protected Home newHome() {
    JdbcStores stores = databases.postgres();
    return new Home(stores.actions(), stores.bindings());
  }

  @AfterEach
  void closeDatabases() {
    databases.close();
  }
}
