package dev.interlock.testkit;

import dev.interlock.core.memory.InMemoryActionStore;
import dev.interlock.core.memory.InMemoryBindingStore;
import dev.interlock.testkit.contract.BindingIntegrityContract;

class InMemoryBindingIntegrityTest extends BindingIntegrityContract {
  @Override
  protected Home newHome() {
    InMemoryActionStore actions = new InMemoryActionStore();
    return new Home(actions, new InMemoryBindingStore(actions));
  }
}
