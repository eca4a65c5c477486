package dev.interlock.adapter.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteDurableLifecycleTest extends DurableLifecycleContract {
  @TempDir Path dir;

  @Override
  protected JdbcConfig config(String name) {
    return TestDatabases.sqliteConfig(dir.resolve(name));
  }
}
