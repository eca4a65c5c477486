package dev.interlock.adapter.http;

import dev.interlock.adapter.http.internal.ConfigLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of the HTTP service, read from a properties file, the environment and flags by {@link
 * #load} (later sources win: defaults, file, {@code INTERLOCK_*} environment, {@code --key=value}
 * flags). Every key is listed in {@code docs/http-api.md}.
 *
 * @param host interface to listen on
 * @param port TCP port; 0 picks a free one
 * @param dataDir directory for the embedded SQLite database and the bootstrap token hash
 * @param databaseUrl JDBC URL of the store; {@code memory:} keeps everything in memory (tests);
 *     null means SQLite in {@code dataDir}
 * @param databaseUser user for the JDBC URL, or null
 * @param databasePassword password for the JDBC URL, or null; never logged
 * @param secretKeys keyring encrypting action secrets in the database ({@code <id> <base64 key>}
 *     per line, last is current), or null; never logged
 * @param secretKeysFile keyring file; null means {@code secret.keys} in {@code dataDir}, generated
 *     on first start for SQLite
 * @param maxBodyBytes largest request body accepted
 * @param httpThreads maximum request threads
 * @param idleTimeout how long a connection may send nothing (also while a request body is being
 *     read) before the server gives up on it
 * @param bodyReads most request bodies read at once; a request that finds none free gets 503, so
 *     slow uploads cannot hold every request thread
 * @param executeConcurrency most flows the execute endpoint runs at once, 0 for no limit; more
 *     requests wait (up to the flow timeout, then 503) for a slot
 * @param drainTimeout how long a shutdown waits for in-flight requests
 * @param accessLog whether one JSON access-log line is written per request
 * @param flowTimeout budget of one flow run
 * @param asyncWorkers threads running async-trigger flows
 * @param asyncQueue accepted async flows that may wait for a worker
 * @param egressAllowList hosts actions may reach with outgoing requests (script runtime setting)
 * @param adminTokenSha256 SHA-256 (hex) of a token with every scope, or null
 * @param tokens further tokens, each stored as a hash with its scopes
 * @param tls the certificate and key to serve HTTPS with on {@code port}, or null for plain HTTP
 */
public record HttpConfig(
    String host,
    int port,
    Path dataDir,
    String databaseUrl,
    String databaseUser,
    String databasePassword,
    String secretKeys,
    Path secretKeysFile,
    int maxBodyBytes,
    int httpThreads,
    Duration idleTimeout,
    int bodyReads,
    int executeConcurrency,
    Duration drainTimeout,
    boolean accessLog,
    Duration flowTimeout,
    int asyncWorkers,
    int asyncQueue,
    List<String> egressAllowList,
    String adminTokenSha256,
    List<TokenDefinition> tokens,
    Tls tls) {

  /** The default port of the service. */
  public static final int DEFAULT_PORT = 8780;

  /** The value of {@code database.url} that keeps every store in memory. */
  public static final String MEMORY = "memory:";

  /** Every scope a token can carry. */
  public static final Set<String> SCOPES =
      Set.of("read:actions", "create:actions", "update:actions", "delete:actions", "execute:triggers",
          "read:metrics");

  public HttpConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(drainTimeout, "drainTimeout");
    Objects.requireNonNull(flowTimeout, "flowTimeout");
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    egressAllowList = List.copyOf(egressAllowList);
    tokens = List.copyOf(tokens);
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535");
    }
  }

  /**
   * Reads the configuration: {@code --config=FILE} (or {@code INTERLOCK_CONFIG}) names a
   * properties file; {@code INTERLOCK_PORT=9000} sets {@code port}; {@code --data.dir=/x} (or
   * {@code --data-dir=/x}) sets {@code data.dir}. Unknown keys and bad values are refused together
   * with an {@link IllegalArgumentException} naming each.
   */
  /** The server's {@code --help} text: every setting with its default, flag and environment variable. */
  public static String help() {
    return ConfigLoader.help();
  }

  public static HttpConfig load(String[] args, Map<String, String> env) {
    return ConfigLoader.load(args, env);
  }

  /** Defaults: port 8780 on all interfaces, SQLite in {@code ./interlock-data}. */
  public static HttpConfig defaults() {
    return load(new String[0], Map.of());
  }

  /** Whether the stores are kept in memory. */
  public boolean inMemory() {
    return MEMORY.equals(databaseUrl);
  }

  /** The JDBC URL actually used: the configured one or SQLite in the data directory. */
  public String effectiveDatabaseUrl() {
    return databaseUrl != null ? databaseUrl : "jdbc:sqlite:" + dataDir.resolve("interlock.db");
  }

  public HttpConfig withPort(int value) {
    return new HttpConfig(host, value, dataDir, databaseUrl, databaseUser, databasePassword, secretKeys,
        secretKeysFile, maxBodyBytes,
        httpThreads, idleTimeout, bodyReads, executeConcurrency, drainTimeout, accessLog, flowTimeout, asyncWorkers, asyncQueue, egressAllowList,
        adminTokenSha256, tokens, tls);
  }

  /** Whether the server speaks HTTPS (TLS configured) rather than plain HTTP. */
  public boolean https() {
    return tls != null;
  }

  /**
   * Where the server's TLS identity comes from: either PEM files ({@code tls.cert}, {@code tls.key})
   * or a PKCS#12 / JKS keystore ({@code tls.keystore}, {@code tls.keystore.password}). Read and
   * checked when the server starts.
   *
   * @param cert PEM certificate chain (server certificate first), or null when a keystore is used
   * @param key PEM private key (PKCS#8, PKCS#1 RSA or SEC1 EC), or null when a keystore is used
   * @param keystore PKCS#12 or JKS keystore holding one private key entry, or null
   * @param keystorePassword its password (also the key's); never logged
   */
  public record Tls(Path cert, Path key, Path keystore, String keystorePassword) {
    @Override
    public String toString() {
      return keystore != null ? "Tls[keystore=" + keystore + "]" : "Tls[cert=" + cert + ", key=" + key + "]";
    }
  }

  /**
   * A bearer token the service accepts.
   *
   * @param name shown in the access log instead of the token
   * @param sha256 lower-case hex SHA-256 of the token text
   * @param scopes what the token may do
   */
  public record TokenDefinition(String name, String sha256, Set<String> scopes) {
    public TokenDefinition {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(sha256, "sha256");
      scopes = Set.copyOf(scopes);
    }
  }

  private static String redacted(String url) {
    int q = url.indexOf('?');
    return q < 0 ? url : url.substring(0, q) + "?...";
  }

  @Override
  public String toString() {
    return "HttpConfig[host=" + host + ", port=" + port + ", dataDir=" + dataDir + ", databaseUrl="
        + redacted(effectiveDatabaseUrl()) + ", maxBodyBytes=" + maxBodyBytes + ", httpThreads=" + httpThreads
        + ", idleTimeout=" + idleTimeout + ", bodyReads=" + bodyReads
        + ", executeConcurrency=" + executeConcurrency + ", drainTimeout=" + drainTimeout + ", accessLog=" + accessLog
        + ", flowTimeout=" + flowTimeout
        + ", asyncWorkers=" + asyncWorkers + ", asyncQueue=" + asyncQueue + ", egressAllowList=" + egressAllowList
        + ", tokens=" + tokens.stream().map(TokenDefinition::name).toList() + ", tls=" + tls + "]";
  }
}
