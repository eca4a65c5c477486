package dev.interlock.adapter.http.internal;

import dev.interlock.adapter.http.HttpConfig;
import dev.interlock.adapter.http.HttpConfig.TokenDefinition;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Merges defaults, a properties file, {@code INTERLOCK_*} environment variables and {@code
 * --key=value} flags into an {@link HttpConfig}; reports every unknown key and bad value at once.
 */
public final class ConfigLoader {
  private static final Pattern TOKEN_KEY = Pattern.compile("token\\.([a-z0-9][a-z0-9-]*)\\.(sha256|scopes)");
  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
  private static final Map<String, String> DEFAULTS = defaults();

  private ConfigLoader() {}

  private static Map<String, String> defaults() {
    Map<String, String> d = new TreeMap<>();
    d.put("host", "0.0.0.0");
    d.put("port", String.valueOf(HttpConfig.DEFAULT_PORT));
    d.put("data.dir", "interlock-data");
    d.put("database.url", "");
    d.put("database.user", "");
    d.put("database.password", "");
    d.put("secret.keys", "");
    d.put("secret.keys.file", "");
    d.put("max.body.bytes", String.valueOf(256 * 1024));
    d.put("http.threads", "200");
    d.put("http.idle.timeout.ms", "30000");
    d.put("http.body.reads", "");
    d.put("execute.concurrency", "");
    d.put("drain.timeout.ms", "10000");
    d.put("access.log", "true");
    d.put("flow.timeout.ms", "20000");
    d.put("async.workers", String.valueOf(Math.max(2, Runtime.getRuntime().availableProcessors())));
    d.put("async.queue", "10000");
    d.put("egress.allow", "");
    d.put("admin.token", "");
    d.put("admin.token.sha256", "");
    d.put("config", "");
    d.put("tls.cert", "");
    d.put("tls.key", "");
    d.put("tls.keystore", "");
    d.put("tls.keystore.password", "");
    return d;
  }

  /** What each setting does, for {@code --help}; every key of the defaults has a line. */
  private static final Map<String, String> HELP = Map.ofEntries(
      Map.entry("host", "address to listen on"),
      Map.entry("port", "port to listen on (0: any free port)"),
      Map.entry("data.dir", "directory of the embedded SQLite database and the bootstrap token"),
      Map.entry("database.url", "JDBC URL (jdbc:sqlite:..., jdbc:postgresql://...) or 'memory:'; empty: SQLite in data.dir"),
      Map.entry("database.user", "database user (PostgreSQL)"),
      Map.entry("database.password", "database password (PostgreSQL)"),
      Map.entry("secret.keys", "encryption keys for stored secrets, id:base64 pairs, comma-separated (newest first)"),
      Map.entry("secret.keys.file", "file holding secret.keys; empty: generated in data.dir on first start"),
      Map.entry("max.body.bytes", "largest request body accepted (413 beyond)"),
      Map.entry("http.threads", "request threads"),
      Map.entry("http.idle.timeout.ms", "a connection idle this long is closed (a stalled upload gets 408)"),
      Map.entry("http.body.reads", "request bodies read at once; empty: half of http.threads"),
      Map.entry("execute.concurrency", "flows the execute endpoint runs at once; empty: unlimited with a database, 2 x CPUs in memory"),
      Map.entry("drain.timeout.ms", "on shutdown, how long in-flight requests may finish"),
      Map.entry("access.log", "write an access log line per request"),
      Map.entry("flow.timeout.ms", "time budget of one flow"),
      Map.entry("async.workers", "threads running async triggers' flows"),
      Map.entry("async.queue", "async flows accepted but not yet running (503 beyond)"),
      Map.entry("egress.allow", "hosts scripts may fetch besides public ones, host[:port], comma-separated"),
      Map.entry("admin.token", "admin API token (all scopes); empty: a bootstrap token is generated"),
      Map.entry("admin.token.sha256", "SHA-256 (hex) of the admin token, instead of the token itself"),
      Map.entry("config", "properties file with any of these settings"),
      Map.entry("tls.cert", "PEM certificate chain; with tls.key the port serves HTTPS"),
      Map.entry("tls.key", "PEM private key of tls.cert (PKCS#8, PKCS#1 RSA or SEC1 EC, unencrypted)"),
      Map.entry("tls.keystore", "PKCS#12 or JKS keystore (instead of tls.cert/tls.key); the port serves HTTPS"),
      Map.entry("tls.keystore.password", "password of tls.keystore and its key"));

  /** The {@code --help} text: every setting, its default, flag and environment variable. */
  public static String help() {
    StringBuilder sb = new StringBuilder();
    sb.append("Usage: java -jar interlock-server.jar [--key=value ...]\n\n")
        .append("Runs the Interlock HTTP service. Each setting is a flag (--key=value), an environment variable\n")
        .append("(INTERLOCK_KEY, dots as underscores) or a line of the --config file; flags win over the environment,\n")
        .append("which wins over the file. API tokens: --token.NAME.sha256=HEX --token.NAME.scopes=a,b.\n\n");
    for (Map.Entry<String, String> e : DEFAULTS.entrySet()) {
      String env = "INTERLOCK_" + e.getKey().toUpperCase(Locale.ROOT).replace('.', '_');
      sb.append(String.format("  --%-22s %s%n  %-24s default: %s; env %s%n", e.getKey(), HELP.getOrDefault(e.getKey(), ""),
          "", e.getValue().isEmpty() ? "(none)" : e.getValue(), env));
    }
    sb.append("\nDocumentation: docs/http-api.md in the repository.\n");
    return sb.toString();
  }

  public static HttpConfig load(String[] args, Map<String, String> env) {
    List<String> problems = new ArrayList<>();
    Map<String, String> fromEnv = new TreeMap<>();
    for (Map.Entry<String, String> e : env.entrySet()) {
      if (e.getKey().startsWith("INTERLOCK_")) {
        String key = e.getKey().substring("INTERLOCK_".length()).toLowerCase(Locale.ROOT).replace('_', '.');
        // other INTERLOCK_* variables (a CLI's, a script's) are not this service's business
        if (DEFAULTS.containsKey(key) || TOKEN_KEY.matcher(key).matches()) {
          fromEnv.put(key, e.getValue());
        }
      }
    }
    Map<String, String> fromFlags = new TreeMap<>();
    for (String a : args) {
      if (!a.startsWith("--") || !a.contains("=")) {
        problems.add("argument '" + a + "': expected --key=value");
        continue;
      }
      int eq = a.indexOf('=');
      fromFlags.put(a.substring(2, eq).replace('-', '.').toLowerCase(Locale.ROOT), a.substring(eq + 1));
    }
    Map<String, String> merged = new TreeMap<>(DEFAULTS);
    String file = fromFlags.getOrDefault("config", fromEnv.getOrDefault("config", ""));
    if (!file.isBlank()) {
      merged.putAll(readFile(Path.of(file), problems));
    }
    merged.putAll(fromEnv);
    merged.putAll(fromFlags);
    return build(merged, problems);
  }

  private static Map<String, String> readFile(Path file, List<String> problems) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      problems.add("config file " + file + ": cannot be read (" + e.getMessage() + ")");
    }
    Map<String, String> m = new TreeMap<>();
    for (String k : p.stringPropertyNames()) {
      m.put(k.trim().replace('-', '.').toLowerCase(Locale.ROOT), p.getProperty(k).trim());
    }
    return m;
  }

  private static HttpConfig build(Map<String, String> m, List<String> problems) {
    Map<String, TokenParts> tokenParts = new TreeMap<>();
    for (Map.Entry<String, String> e : m.entrySet()) {
      Matcher t = TOKEN_KEY.matcher(e.getKey());
      if (t.matches()) {
        TokenParts parts = tokenParts.computeIfAbsent(t.group(1), n -> new TokenParts());
        if (t.group(2).equals("sha256")) {
          parts.sha256 = e.getValue().toLowerCase(Locale.ROOT);
        } else {
          parts.scopes = e.getValue();
        }
      } else if (!DEFAULTS.containsKey(e.getKey())) {
        problems.add("unknown setting '" + e.getKey() + "'; known: " + DEFAULTS.keySet()
            + " and token.<name>.sha256 / token.<name>.scopes");
      }
    }
    List<TokenDefinition> tokens = new ArrayList<>();
    for (Map.Entry<String, TokenParts> e : tokenParts.entrySet()) {
      String name = e.getKey();
      TokenParts p = e.getValue();
      if (p.sha256 == null || !HEX64.matcher(p.sha256).matches()) {
        problems.add("token." + name + ".sha256: must be the 64 hex digits of the token's SHA-256");
        continue;
      }
      Set<String> scopes = new LinkedHashSet<>();
      for (String s : (p.scopes == null ? "" : p.scopes).split("[,\\s]+")) {
        if (s.isEmpty()) {
          continue;
        }
        if (!HttpConfig.SCOPES.contains(s)) {
          problems.add("token." + name + ".scopes: unknown scope '" + s + "'; known: " + HttpConfig.SCOPES);
        }
        scopes.add(s);
      }
      if (scopes.isEmpty()) {
        problems.add("token." + name + ".scopes: must name at least one scope");
      }
      tokens.add(new TokenDefinition(name, p.sha256, scopes));
    }
    String adminHash = blankToNull(m.get("admin.token.sha256"));
    if (adminHash != null && !HEX64.matcher(adminHash.toLowerCase(Locale.ROOT)).matches()) {
      problems.add("admin.token.sha256: must be the 64 hex digits of the token's SHA-256");
    }
    String adminToken = blankToNull(m.get("admin.token"));
    if (adminToken != null) {
      if (adminToken.length() < 16) {
        problems.add("admin.token: must be at least 16 characters");
      }
      adminHash = Tokens.sha256Hex(adminToken);
    }
    int port = integer(m, "port", 0, 65535, problems);
    int maxBody = integer(m, "max.body.bytes", 1024, 64 * 1024 * 1024, problems);
    int threads = integer(m, "http.threads", 8, 10_000, problems);
    int idle = integer(m, "http.idle.timeout.ms", 100, 3_600_000, problems);
    // half the threads at most wait on request bodies: the other half serves everything else
    int bodyReads = m.get("http.body.reads").isBlank()
        ? Math.max(1, threads / 2) : integer(m, "http.body.reads", 1, 10_000, problems);
    // flows waiting for a database commit must not hold a slot (group commit batches the waiters),
    // so only the in-memory store is bounded unless configured
    int concurrency = m.get("execute.concurrency").isBlank()
        ? (HttpConfig.MEMORY.equals(m.get("database.url").trim()) ? 2 * Runtime.getRuntime().availableProcessors() : 0)
        : integer(m, "execute.concurrency", 0, 10_000, problems);
    int drain = integer(m, "drain.timeout.ms", 0, 600_000, problems);
    int flow = integer(m, "flow.timeout.ms", 1, 600_000, problems);
    int workers = integer(m, "async.workers", 1, 1024, problems);
    int queue = integer(m, "async.queue", 1, 10_000_000, problems);
    String accessLog = m.get("access.log");
    if (!accessLog.equals("true") && !accessLog.equals("false")) {
      problems.add("access.log: must be true or false, got '" + accessLog + "'");
    }
    List<String> egress = new ArrayList<>();
    for (String h : m.get("egress.allow").split("[,\\s]+")) {
      if (!h.isEmpty()) {
        egress.add(h);
      }
    }
    HttpConfig.Tls tls = tls(m, problems);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid configuration:\n  - " + String.join("\n  - ", problems));
    }
    return new HttpConfig(m.get("host"), port, Path.of(m.get("data.dir")), blankToNull(m.get("database.url")),
        blankToNull(m.get("database.user")), blankToNull(m.get("database.password")),
        blankToNull(m.get("secret.keys")),
        blankToNull(m.get("secret.keys.file")) == null ? null : Path.of(m.get("secret.keys.file").trim()), maxBody, threads,
        Duration.ofMillis(idle), bodyReads, concurrency, Duration.ofMillis(drain), Boolean.parseBoolean(accessLog), Duration.ofMillis(flow), workers, queue, egress,
        adminHash == null ? null : adminHash.toLowerCase(Locale.ROOT), tokens, tls);
  }

  /** The TLS settings: both PEM files, or a keystore; the files themselves are read at start. */
  private static HttpConfig.Tls tls(Map<String, String> m, List<String> problems) {
    String cert = blankToNull(m.get("tls.cert"));
    String key = blankToNull(m.get("tls.key"));
    String store = blankToNull(m.get("tls.keystore"));
    String password = m.get("tls.keystore.password");
    if (store != null && (cert != null || key != null)) {
      problems.add("tls.keystore: set either tls.keystore or tls.cert with tls.key, not both");
      return null;
    }
    if (store != null) {
      return new HttpConfig.Tls(null, null, Path.of(store), password == null ? "" : password);
    }
    if (cert == null && key == null) {
      if (password != null && !password.isEmpty()) {
        problems.add("tls.keystore.password: set without tls.keystore");
      }
      return null;
    }
    if (cert == null || key == null) {
      problems.add((cert == null ? "tls.cert" : "tls.key") + ": missing; HTTPS with PEM files needs both tls.cert and"
          + " tls.key (or use tls.keystore)");
      return null;
    }
    return new HttpConfig.Tls(Path.of(cert), Path.of(key), null, null);
  }

  private static int integer(Map<String, String> m, String key, int min, int max, List<String> problems) {
    String v = m.get(key);
    try {
      int i = Integer.parseInt(v.trim());
      if (i < min || i > max) {
        problems.add(key + ": must be between " + min + " and " + max + ", got " + i);
      }
      return i;
    } catch (NumberFormatException e) {
      problems.add(key + ": must be a whole number, got '" + v + "'");
      return min;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static final class TokenParts {
    String sha256;
    String scopes;
  }
}
