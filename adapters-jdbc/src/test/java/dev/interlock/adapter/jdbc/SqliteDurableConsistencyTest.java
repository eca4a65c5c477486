package dev.interlock.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interlock.core.Interlock;
import dev.interlock.core.PlatformException;
import dev.interlock.core.admin.NewAction;
import dev.interlock.testkit.SampleFamily;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteDurableConsistencyTest extends DurableConsistencyContract {
  @TempDir Path dir;

  @Override
  protected JdbcConfig config(String name) {
    return TestDatabases.sqliteConfig(dir.resolve(name));
  }

  @Test
  void aCreateWithDeployWhoseVersionCannotBeStoredLeavesNoActionBehind() throws Exception {
    Interlock engine = engine("deploy");
    try (Connection c = DriverManager.getConnection(config("deploy").url()); Statement s = c.createStatement()) {
      s.execute("CREATE TRIGGER no_versions BEFORE INSERT ON action_versions BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    }

    assertThatThrownBy(() -> engine.administration().create(
        NewAction.of("a", SampleFamily.LOGIN, "noop").withRuntime("java").deployed()))
        .isInstanceOf(PlatformException.class);

    assertThat(engine.administration().list(Optional.empty())).isEmpty();
  }
}
