package dev.interlock.adapter.jdbc;

import dev.interlock.adapter.jdbc.internal.AesGcmSecretCipher;
import dev.interlock.adapter.jdbc.internal.ChangePoller;
import dev.interlock.adapter.jdbc.internal.Database;
import dev.interlock.adapter.jdbc.internal.JdbcActionStore;
import dev.interlock.adapter.jdbc.internal.JdbcBindingStore;
import dev.interlock.adapter.jdbc.internal.JdbcExecutionStore;
import dev.interlock.adapter.jdbc.internal.KeyRing;
import dev.interlock.adapter.jdbc.internal.Migrations;
import dev.interlock.adapter.jdbc.internal.SecretsCodec;
import dev.interlock.core.PlatformException;
import dev.interlock.core.port.ActionStore;
import dev.interlock.core.port.BindingStore;
import dev.interlock.core.port.ChangeFeed;
import dev.interlock.core.port.ExecutionStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The JDBC stores of one database, for users who wire Interlock by hand:
 *
 * <pre>{@code
 * try (JdbcStores db = JdbcStores.open(JdbcConfig.sqlite(Path.of("data")))) {
 *   Interlock interlock = Interlock.builder().stores(db.actions(), db.bindings(), db.executions()).build();
 * }
 * }</pre>
 *
 * Opening applies pending schema migrations. The action store is also the database's {@link
 * ChangeFeed}, so an engine built on it caches resolved flows and notices other nodes' changes.
 */
public final class JdbcStores implements AutoCloseable {
  private final Database db;
  private final ChangePoller changes;
  private final JdbcActionStore actions;
  private final JdbcBindingStore bindings;
  private final JdbcExecutionStore executions;
  private final List<Integer> migrated;

  private JdbcStores(JdbcConfig config) {
    if (config.isSqlite()) {
      createDirectoryOf(config.url().substring("jdbc:sqlite:".length()));
    }
    KeyRing keys = config.keys() != null
        ? KeyRing.parse(config.keys())
        : KeyRing.load(config.keyFile(), config.generateKey(), config.warnings());
    this.db = new Database(config);
    try {
      this.migrated = Migrations.migrate(db);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    this.changes = new ChangePoller(db, config.changePollInterval(), config.warnings());
    this.actions = new JdbcActionStore(db, new SecretsCodec(new AesGcmSecretCipher(keys)), changes);
    this.bindings = new JdbcBindingStore(db);
    this.executions = new JdbcExecutionStore(db);
  }

  /**
   * Connects, brings the schema up to date and loads the secret keys.
   *
   * @throws PlatformException when the database cannot be reached or the keyring is unusable
   */
  public static JdbcStores open(JdbcConfig config) {
    return new JdbcStores(config);
  }

  private static void createDirectoryOf(String file) {
    int q = file.indexOf('?');
    Path path = Path.of(q < 0 ? file : file.substring(0, q)).toAbsolutePath();
    try {
      Files.createDirectories(path.getParent());
    } catch (IOException e) {
      throw new PlatformException("cannot create the data directory " + path.getParent() + ": " + e.getMessage(), e);
    }
  }

  public ActionStore actions() {
    return actions;
  }

  public BindingStore bindings() {
    return bindings;
  }

  public ExecutionStore executions() {
    return executions;
  }

  /** Changes made through any node of this database (polled). */
  public ChangeFeed changes() {
    return actions;
  }

  /** Looks for other nodes' changes now instead of at the next poll (tests, admin tooling). */
  public void pollChanges() {
    changes.poll();
  }

  /** Schema versions applied when these stores were opened (empty when already up to date). */
  public List<Integer> migrationsApplied() {
    return migrated;
  }

  /**
   * Encrypts again with the current key every stored secret that an older key encrypted (after
   * appending a new key to the keyring); returns how many rows changed. Once it returned, the old
   * key can be removed from the keyring.
   */
  public int reencryptSecrets() {
    return actions.reencryptSecrets();
  }

  @Override
  public void close() {
    changes.close();
    db.close();
  }
}
