package dev.interlock.adapter.jdbc;

import dev.interlock.core.port.ExecutionStore;
import dev.interlock.testkit.contract.ExecutionStoreContract;
import org.junit.jupiter.api.AfterEach;

class PostgresExecutionStoreTest extends ExecutionStoreContract {
  private final TestDatabases databases = new TestDatabases();

  @Override
  protected ExecutionStore newStore() {
    return databases.postgres().executions();
  }

  @AfterEach
  void closeDatabases() {
    databases.close();
  }
}
