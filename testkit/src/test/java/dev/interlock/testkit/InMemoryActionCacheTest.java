package dev.interlock.testkit;

import dev.interlock.core.memory.InMemoryActionCache;
import dev.interlock.core.port.ActionCache;
import dev.interlock.testkit.contract.ActionCacheContract;

class InMemoryActionCacheTest extends ActionCacheContract {
  @Override
  protected ActionCache newCache() {
    return new InMemoryActionCache();
  }
}
