package dev.interlock.adapter.jdbc;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Where and how the JDBC stores keep their data. Two databases are supported: SQLite, the embedded
 * default (one file in a data directory), and PostgreSQL for several nodes sharing one database.
 *
 * @param url {@code jdbc:sqlite:/path/interlock.db} or {@code jdbc:postgresql://host:port/db}
 * @param user database user, or null (SQLite, or credentials in the URL)
 * @param password database password, or null; never shown by {@link #toString()}
 * @param poolSize connections kept open
 * @param keyFile keyring file for secret encryption (one {@code <key-id> <base64 256-bit key>} per
 *     line, the last line is the current key); created with a fresh key when missing and {@code
 *     generateKey} is set
 * @param keys keyring text in the same format, taking precedence over {@code keyFile} (for keys
 *     passed through the environment); never shown by {@link #toString()}
 * @param generateKey create {@code keyFile} with a new key when it does not exist (embedded default)
 * @param changePollInterval how often other nodes' changes are looked for
 * @param warnings receives operator warnings (such as a generated key); no library writes to the
 *     console
 */
public record JdbcConfig(
    String url,
    String user,
    String password,
    int poolSize,
    Path keyFile,
    String keys,
    boolean generateKey,
    Duration changePollInterval,
    Consumer<String> warnings) {

  /** Name of the environment variable {@link #fromEnvironment} reads the keyring from. */
  public static final String KEYS_ENV = "INTERLOCK_SECRET_KEYS";

  public JdbcConfig {
    Objects.requireNonNull(url, "url");
    if (!url.startsWith("jdbc:sqlite:") && !url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("url must start with jdbc:sqlite: or jdbc:postgresql:");
    }
    if (poolSize < 1) {
      throw new IllegalArgumentException("poolSize must be >= 1");
    }
    if (keyFile == null && keys == null) {
      throw new IllegalArgumentException("a keyFile or keys are needed to encrypt secrets");
    }
    changePollInterval = changePollInterval == null ? Duration.ofSeconds(1) : changePollInterval;
    warnings = warnings == null ? w -> { } : warnings;
  }

  /**
   * The embedded default: {@code interlock.db} and the key file {@code secret.keys} in {@code
   * dataDirectory}, the key generated on first start.
   */
  public static JdbcConfig sqlite(Path dataDirectory) {
    return new JdbcConfig("jdbc:sqlite:" + dataDirectory.resolve("interlock.db").toAbsolutePath(), null, null, 4,
        dataDirectory.resolve("secret.keys"), null, true, Duration.ofSeconds(1), null);
  }

  /** A shared PostgreSQL database; the keyring is given by the operator (same on every node). */
  public static JdbcConfig postgres(String url, String user, String password, String keys) {
    return new JdbcConfig(url, user, password, 8, null, keys, false, Duration.ofSeconds(1), null);
  }

  /** Uses the keyring in {@value #KEYS_ENV} when set, the configured one otherwise. */
  public JdbcConfig withKeysFromEnvironment() {
    String env = System.getenv(KEYS_ENV);
    return env == null || env.isBlank() ? this : withKeys(env);
  }

  public JdbcConfig withKeys(String keyring) {
    return new JdbcConfig(url, user, password, poolSize, keyFile, keyring, generateKey, changePollInterval, warnings);
  }

  public JdbcConfig withKeyFile(Path file, boolean generate) {
    return new JdbcConfig(url, user, password, poolSize, file, keys, generate, changePollInterval, warnings);
  }

  public JdbcConfig withPoolSize(int size) {
    return new JdbcConfig(url, user, password, size, keyFile, keys, generateKey, changePollInterval, warnings);
  }

  public JdbcConfig withChangePollInterval(Duration interval) {
    return new JdbcConfig(url, user, password, poolSize, keyFile, keys, generateKey, interval, warnings);
  }

  public JdbcConfig withWarnings(Consumer<String> sink) {
    return new JdbcConfig(url, user, password, poolSize, keyFile, keys, generateKey, changePollInterval, sink);
  }

  public boolean isSqlite() {
    return url.startsWith("jdbc:sqlite:");
  }

  @Override
  public String toString() {
    return "JdbcConfig[url=" + redactedUrl() + ", user=" + user + ", password=" + (password == null ? null : "***")
        + ", poolSize=" + poolSize + ", keyFile=" + keyFile + ", keys=" + (keys == null ? null : "***")
        + ", generateKey=" + generateKey + ", changePollInterval=" + changePollInterval + "]";
  }

  /** The URL without a {@code password=} parameter. */
  public String redactedUrl() {
    return url.replaceAll("(?i)(password=)[^&]*", "$1***");
  }
}
