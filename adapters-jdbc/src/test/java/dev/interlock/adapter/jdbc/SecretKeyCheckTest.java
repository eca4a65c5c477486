package dev.interlock.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interlock.adapter.jdbc.internal.KeyRing;
import dev.interlock.core.PlatformException;
import dev.interlock.core.action.Action;
import dev.interlock.core.action.ActionDraft;
import dev.interlock.core.action.ActionId;
import dev.interlock.core.action.Secrets;
import dev.interlock.core.trigger.TriggerId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening the stores checks the keyring against the secrets already stored. */
class SecretKeyCheckTest {
  private static final ActionId ID = ActionId.of("act_1");
  private final TestDatabases databases = new TestDatabases();
  @TempDir Path dir;

  @AfterEach
  void close() {
    databases.close();
  }

  private void storeASecret(JdbcConfig config) {
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    try (JdbcStores stores = JdbcStores.open(config)) {
      stores.actions().insert(new Action(ID, "a", TriggerId.of("post-login"),
          new ActionDraft("code", "node22", Map.of(), Secrets.of(Map.of("API_KEY", "hunter2"))), null, 1, t0, t0));
    }
  }

  @Test
  void theRightKeyHasNoProblem() {
    storeASecret(TestDatabases.sqliteConfig(dir));

    JdbcStores reopened = databases.sqlite(dir);

    assertThat(reopened.keyProblem()).isEmpty();
    assertThat(reopened.actions().find(ID).orElseThrow().draft().secrets().reveal()).containsEntry("API_KEY", "hunter2");
  }

  @Test
  void aWrongKeyWithTheSameIdIsReportedAndNoSecretIsReadWithIt() {
    String k1 = KeyRing.newKeyLine("k1");
    storeASecret(TestDatabases.sqliteConfig(dir).withKeys(k1));

    JdbcStores wrong = databases.track(JdbcStores.open(TestDatabases.sqliteConfig(dir).withKeys(KeyRing.newKeyLine("k1"))));

    assertThat(wrong.keyProblem()).hasValueSatisfying(p -> assertThat(p).contains("cannot be decrypted with key 'k1'"));
    assertThatThrownBy(() -> wrong.actions().find(ID)).isInstanceOf(PlatformException.class)
        .satisfies(e -> assertThat(((PlatformException) e).code()).isEqualTo("secret_key_mismatch"));
  }

  @Test
  void aMissingKeyFileIsNotGeneratedAgainWhileEncryptedSecretsExist() throws Exception {
    storeASecret(TestDatabases.sqliteConfig(dir));
    Files.delete(dir.resolve("secret.keys"));

    JdbcStores reopened = databases.sqlite(dir);

    assertThat(reopened.keyProblem()).hasValueSatisfying(p -> assertThat(p).contains("does not exist"));
    assertThat(dir.resolve("secret.keys")).doesNotExist();
    assertThatThrownBy(() -> reopened.actions().find(ID)).isInstanceOf(PlatformException.class);
  }
}
