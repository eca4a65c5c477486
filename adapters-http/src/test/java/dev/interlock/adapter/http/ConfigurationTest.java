package dev.interlock.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interlock.adapter.http.internal.Tokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationTest {

  @Test
  void defaultsToPort8780AndSqliteInTheDataDirectory() {
    HttpConfig c = HttpConfig.load(new String[0], Map.of());

    assertThat(c.port()).isEqualTo(8780);
    assertThat(c.dataDir()).isEqualTo(Path.of("interlock-data"));
    assertThat(c.effectiveDatabaseUrl()).isEqualTo("jdbc:sqlite:" + Path.of("interlock-data", "interlock.db"));
    assertThat(c.inMemory()).isFalse();
  }

  @Test
  void boundsConcurrentFlowsToTwoPerProcessorOnlyForTheInMemoryStoreUnlessConfigured() {
    HttpConfig memory = HttpConfig.load(new String[] {"--database.url=memory:"}, Map.of());
    HttpConfig sqlite = HttpConfig.load(new String[0], Map.of());
    HttpConfig set = HttpConfig.load(new String[] {"--execute.concurrency=3"}, Map.of());

    assertThat(memory.executeConcurrency()).isEqualTo(2 * Runtime.getRuntime().availableProcessors());
    assertThat(sqlite.executeConcurrency()).isZero();
    assertThat(set.executeConcurrency()).isEqualTo(3);
    assertThatThrownBy(() -> HttpConfig.load(new String[] {"--execute.concurrency=-1"}, Map.of()))
        .hasMessageContaining("execute.concurrency: must be between 0 and 10000, got -1");
  }

  @Test
  void boundsBodyReadsToHalfTheThreadsAndIdleConnectionsToThirtySecondsUnlessConfigured() {
    HttpConfig defaults = HttpConfig.load(new String[] {"--http.threads=40"}, Map.of());
    HttpConfig set = HttpConfig.load(new String[] {"--http.body.reads=3", "--http.idle.timeout.ms=500"}, Map.of());

    assertThat(defaults.bodyReads()).isEqualTo(20);
    assertThat(defaults.idleTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(set.bodyReads()).isEqualTo(3);
    assertThat(set.idleTimeout()).isEqualTo(Duration.ofMillis(500));
    assertThatThrownBy(() -> HttpConfig.load(new String[] {"--http.body.reads=0"}, Map.of()))
        .hasMessageContaining("http.body.reads: must be between 1 and 10000, got 0");
  }

  @Test
  void letsFlagsOverrideTheEnvironmentAndTheEnvironmentOverrideTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("interlock.properties");
    Files.writeString(file, "port=9001\ndata-dir=/from-file\nmax.body.bytes=4096\ndrain.timeout.ms=500\n");

    HttpConfig c = HttpConfig.load(new String[] {"--config=" + file, "--port=9003"},
        Map.of("INTERLOCK_PORT", "9002", "INTERLOCK_DATA_DIR", "/from-env", "INTERLOCK_UNRELATED", "x"));

    assertThat(c.port()).isEqualTo(9003);
    assertThat(c.dataDir()).isEqualTo(Path.of("/from-env"));
    assertThat(c.maxBodyBytes()).isEqualTo(4096);
    assertThat(c.drainTimeout()).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void reportsEveryBadSettingAtOnce() {
    assertThatThrownBy(() -> HttpConfig.load(new String[] {"--port=http", "--colour=blue", "--token.ci.sha256=abc",
        "--token.ci.scopes=read:everything"}, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("port: must be a whole number")
        .hasMessageContaining("unknown setting 'colour'")
        .hasMessageContaining("token.ci.sha256: must be the 64 hex digits")
        .hasMessageNotContaining("read:everything'; known"); // the token was already refused for its hash
  }

  @Test
  void keepsOnlyTheHashOfTheAdminTokenFromTheEnvironment() {
    HttpConfig c = HttpConfig.load(new String[0], Map.of("INTERLOCK_ADMIN_TOKEN", "a-long-enough-admin-token"));

    assertThat(c.adminTokenSha256()).isEqualTo(Tokens.sha256Hex("a-long-enough-admin-token"));
    assertThat(c.toString()).doesNotContain("a-long-enough-admin-token");
  }

  @Test
  void readsTokenDefinitionsWithScopes() {
    String hash = Tokens.sha256Hex("ci-token-value-123");

    HttpConfig c = HttpConfig.load(new String[] {"--token.ci.sha256=" + hash, "--token.ci.scopes=read:actions execute:triggers"},
        Map.of());

    assertThat(c.tokens()).singleElement().satisfies(t -> {
      assertThat(t.name()).isEqualTo("ci");
      assertThat(t.scopes()).containsExactlyInAnyOrder("read:actions", "execute:triggers");
    });
  }

  @Test
  void generatesTheBootstrapTokenOnceAndStoresOnlyItsHash(@TempDir Path dir) throws Exception {
    Tokens.Bootstrap first = Tokens.bootstrap(dir);
    Tokens.Bootstrap second = Tokens.bootstrap(dir);

    assertThat(first.newToken()).startsWith("ilk_");
    assertThat(second.newToken()).isNull();
    assertThat(second.hash()).isEqualTo(first.hash()).isEqualTo(Tokens.sha256Hex(first.newToken()));
    assertThat(Files.readString(dir.resolve(Tokens.BOOTSTRAP_FILE))).doesNotContain(first.newToken());
  }

  @Test
  void hidesThePasswordInTheDatabaseUrlWhenPrinted() {
    HttpConfig c = HttpConfig.load(new String[] {"--database.url=jdbc:postgresql://db/interlock?password=hunter2"}, Map.of());

    assertThat(c.toString()).doesNotContain("hunter2");
  }
}
