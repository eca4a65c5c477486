package dev.interlock.adapter.jdbc;

import dev.interlock.core.port.ActionStore;
import dev.interlock.testkit.contract.ActionStoreContract;
import org.junit.jupiter.api.AfterEach;

class PostgresActionStoreTest extends ActionStoreContract {
  private final TestDatabases databases = new TestDatabases();

  @Override
  protected ActionStore newStore() {
    return databases.postgres().actions();
  }

  @AfterEach
  void closeDatabases() {
    databases.close();
  }
}
