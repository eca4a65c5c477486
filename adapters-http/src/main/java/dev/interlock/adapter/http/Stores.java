package dev.interlock.adapter.http;

import com.google.inject.Module;
import dev.interlock.adapter.jdbc.JdbcConfig;
import dev.interlock.adapter.jdbc.JdbcStoreModule;
import java.time.Duration;
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
    return List.of(new JdbcStoreModule(jdbc(config)));
  }

  static JdbcConfig jdbc(HttpConfig config) {
    String url = config.effectiveDatabaseUrl();
    boolean sqlite = url.startsWith("jdbc:sqlite:");
    JdbcConfig base = config.databaseUrl() == null
        ? JdbcConfig.sqlite(config.dataDir())
        : new JdbcConfig(url, config.databaseUser(), config.databasePassword(), sqlite ? 4 : 8,
            config.secretKeysFile() != null ? config.secretKeysFile() : config.dataDir().resolve("secret.keys"),
            null, sqlite, Duration.ofSeconds(1), null);
    if (config.secretKeysFile() != null) {
      base = base.withKeyFile(config.secretKeysFile(), sqlite);
    }
    if (config.secretKeys() != null) {
      base = base.withKeys(config.secretKeys());
    }
    return base.withWarnings(LOG::warning);
  }
}
