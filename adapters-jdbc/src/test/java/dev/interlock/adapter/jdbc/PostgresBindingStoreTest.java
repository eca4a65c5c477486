package dev.interlock.adapter.jdbc;

import dev.interlock.core.port.BindingStore;
import dev.interlock.testkit.contract.BindingStoreContract;
import org.junit.jupiter.api.AfterEach;

class PostgresBindingStoreTest extends BindingStoreContract {
  private final TestDatabases databases = new TestDatabases();

  @Override
  protected BindingStore newStore() {
    return databases.postgres().bindings();
  }

  @AfterEach
  void closeDatabases() {
    databases.close();
  }
}
