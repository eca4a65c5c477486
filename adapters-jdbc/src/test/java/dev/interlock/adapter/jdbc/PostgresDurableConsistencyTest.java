package dev.interlock.adapter.jdbc;

import java.util.HashMap;
import java.util.Map;

class PostgresDurableConsistencyTest extends DurableConsistencyContract {
  private final Map<String, String> schemas = new HashMap<>();

  @Override
  protected JdbcConfig config(String name) {
    return databases.postgresConfig(schemas.computeIfAbsent(name, n -> TestDatabases.newSchema()));
  }
}
