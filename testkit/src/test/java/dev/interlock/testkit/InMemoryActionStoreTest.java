package dev.interlock.testkit;

import dev.interlock.core.memory.InMemoryActionStore;
import dev.interlock.core.port.ActionStore;
import dev.interlock.testkit.contract.ActionStoreContract;

class InMemoryActionStoreTest extends ActionStoreContract {
  @Override
  protected ActionStore newStore() {
    return new InMemoryActionStore();
  }
}
