package dev.interlock.core.memory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The subscribers of an in-memory store's {@link dev.interlock.core.port.ChangeFeed}. */
final class ChangeListeners {
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  AutoCloseable subscribe(Runnable listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** Called after a change is visible to readers, so that a listener never caches the old state. */
  void changed() {
    for (Runnable l : listeners) {
      l.run();
    }
  }
}
