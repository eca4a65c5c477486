package dev.interlock.core.port;

/**
 * Driven port: tells the engine that actions or bindings may have changed somewhere else (another
 * node sharing the same database), so that it drops the flows it resolved and cached. A store
 * that implements this interface is picked up by {@link dev.interlock.core.Interlock.Builder}
 * automatically; without a feed the engine reads bindings from the stores on every execution.
 */
public interface ChangeFeed {

  /**
   * Calls {@code listener} (on any thread) after a change may have happened; closing the returned
   * handle stops the calls.
   */
  AutoCloseable subscribe(Runnable listener);
}
