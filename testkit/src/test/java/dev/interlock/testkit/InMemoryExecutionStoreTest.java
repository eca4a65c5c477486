package dev.interlock.testkit;

import dev.interlock.core.memory.InMemoryExecutionStore;
import dev.interlock.core.port.ExecutionStore;
import dev.interlock.testkit.contract.ExecutionStoreContract;

class InMemoryExecutionStoreTest extends ExecutionStoreContract {
  @Override
  protected ExecutionStore newStore() {
    return new InMemoryExecutionStore();
  }
}
