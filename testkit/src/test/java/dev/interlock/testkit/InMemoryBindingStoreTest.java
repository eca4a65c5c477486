package dev.interlock.testkit;

import dev.interlock.core.memory.InMemoryBindingStore;
import dev.interlock.core.port.BindingStore;
import dev.interlock.testkit.contract.BindingStoreContract;

class InMemoryBindingStoreTest extends BindingStoreContract {
  @Override
  protected BindingStore newStore() {
    return new InMemoryBindingStore();
  }
}
