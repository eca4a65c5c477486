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
import dev.interlock.adapter.jdbc.internal.StoredSecrets;
import dev.interlock.core.PlatformException;
import dev.interlock.core.port.ActionStore;
import dev.interlock.core.port.BindingStore;
import dev.interlock.core.port.ChangeFeed;
import dev.interlock.core.port.ExecutionStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

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
  private final StoredSecrets secrets;
  private final String keyProblem;

  private JdbcStores(JdbcConfig config) {
    if (config.isSqlite()) {
      createDirectoryOf(config.url().substring("jdbc:sqlite:".length()));
    }
    this.db = new Database(config);
    SecretsCodec codec;
    try {
      this.migrated = Migrations.migrate(db);
      KeyRing keys;
      String problem = null;
      try {
        keys = keys(config, db);
      } catch (PlatformException e) {
        if (!e.code().startsWith("secret_key")) {
          throw e; // the database failed, not the keys
        }
        keys = KeyRing.unusable(e.getMessage());
        problem = e.getMessage();
      }
      codec = new SecretsCodec(new AesGcmSecretCipher(keys));
      this.secrets = new StoredSecrets(db, codec);
      this.keyProblem = problem != null ? problem : secrets.problem().orElse(null);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    if (keyProblem != null) {
      config.warnings().accept("secrets cannot be read or written: " + keyProblem);
    }
    this.changes = new ChangePoller(db, config.changePollInterval(), config.warnings());
    this.actions = new JdbcActionStore(db, codec, changes);
    this.bindings = new JdbcBindingStore(db);
    this.executions = new JdbcExecutionStore(db);
  }

  private static KeyRing keys(JdbcConfig config, Database db) {
    if (config.keys() != null) {
      return KeyRing.parse(config.keys());
    }
    if (config.generateKey() && Files.notExists(config.keyFile()) && StoredSecrets.anyStored(db)) {
      throw new PlatformException("secret_key_missing", "the keyring file " + config.keyFile()
          + " does not exist but the database holds encrypted secrets; restore that file (a new key would not "
          + "read them, so none is generated)", null);
    }
    return KeyRing.load(config.keyFile(), config.generateKey(), config.warnings());
  }

  /**
   * Connects, brings the schema up to date and loads the secret keys. A keyring that is missing,
   * malformed or does not decrypt the secrets already stored does not stop the opening: every
   * secret read or write then fails, and {@link #keyProblem()} says why (for readiness checks).
   *
   * @throws PlatformException when the database cannot be reached
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
    return secrets.reencrypt();
  }

  /**
   * Why secrets cannot be used, when the keyring is missing, malformed or is not the one that
   * encrypted the stored secrets (checked when opening); empty when the keys are fine.
   */
  public Optional<String> keyProblem() {
    return Optional.ofNullable(keyProblem);
  }

  @Override
  public void close() {
    changes.close();
    db.close();
  }
}
