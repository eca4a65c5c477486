package dev.interlock.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.PlatformException;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostgresDurableLifecycleTest extends DurableLifecycleContract {
  private final Map<String, String> schemas = new HashMap<>();

  @Override
  protected JdbcConfig config(String name) {
    return databases.postgresConfig(schemas.computeIfAbsent(name, n -> TestDatabases.newSchema()));
  }

  @Test
  void recoversFromConnectionsTheServerDropped() throws Exception {
    JdbcStores stores = open("dropped");
    for (int i = 0; i < 3; i++) {
      stores.actions().list(Optional.empty()); // connections in the pool
    }

    try (Connection c = raw("dropped"); Statement s = c.createStatement()) {
      s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
          + "WHERE datname = current_database() AND pid <> pg_backend_pid()");
    }
    int failures = 0;
    for (int i = 0; i < config("dropped").poolSize() + 1; i++) {
      try {
        stores.actions().list(Optional.empty());
      } catch (PlatformException e) {
        failures++;
      }
    }

    assertThat(failures).isLessThanOrEqualTo(config("dropped").poolSize());
    assertThat(stores.actions().list(Optional.empty())).isEmpty();
  }
}
