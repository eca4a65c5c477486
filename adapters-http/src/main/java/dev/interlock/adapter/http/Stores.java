package dev.interlock.adapter.http;

import com.google.inject.Module;
import java.util.List;
import java.util.logging.Logger;

/** Chooses the store modules for a configuration (the composition root's one decision on stores). */
final class Stores {
  private static final Logger LOG = Logger.getLogger("dev.interlock.http");

  private Stores() {}

  static List<Module> modules(HttpConfig config) {
    if (config.inMemory()) {
      return List.of();
    }
    // PARTIAL: the JDBC store adapter is not on this branch yet; until it lands the service keeps
    // its data in memory even when a database is configured.
    LOG.warning("the JDBC store is not available in this build; actions, bindings and executions are kept in "
        + "memory and lost on restart (configured: " + config.effectiveDatabaseUrl().replaceAll("\\?.*", "?...") + ")");
    return List.of();
  }
}
