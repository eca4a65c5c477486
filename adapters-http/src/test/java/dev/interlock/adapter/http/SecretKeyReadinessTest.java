package dev.interlock.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.adapter.http.TestServer.Response;
import dev.interlock.core.javaaction.JavaActionRuntime;
import dev.interlock.testkit.SampleFamily;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A keyring that cannot read the stored secrets makes the server not ready, saying which setting to fix. */
class SecretKeyReadinessTest {
  @TempDir Path dir;

  private TestServer onSqlite() {
    return TestServer.start(List.of("--database.url=", "--data.dir=" + dir), new JavaActionRuntime());
  }

  private String actionWithASecret() {
    try (TestServer server = onSqlite()) {
      Response r = server.post("/api/v2/actions/actions", "{\"name\":\"s\",\"supported_triggers\":[{\"id\":\""
          + SampleFamily.LOGIN + "\"}],\"code\":\"noop\",\"runtime\":\"java\",\"deploy\":true,"
          + "\"secrets\":[{\"name\":\"API_KEY\",\"value\":\"hunter2\"}]}");
      assertThat(r.status()).as(r.toString()).isEqualTo(201);
      assertThat(server.get("/health/ready").status()).isEqualTo(200);
      return (String) r.json().get("id");
    }
  }

  @Test
  void aWrongKeyMakesReadinessFailNamingTheSettingAndUsesAnswer503() throws Exception {
    String id = actionWithASecret();
    String sameIdOtherKey = "k1 " + Base64.getEncoder().encodeToString(new byte[32]) + "\n";
    Files.writeString(dir.resolve("secret.keys"), sameIdOtherKey);

    try (TestServer server = onSqlite()) {
      Response ready = server.get("/health/ready");
      Response read = server.get("/api/v2/actions/actions/" + id);

      assertThat(ready.status()).isEqualTo(503);
      assertThat((String) ready.json().get("reason")).contains("cannot be decrypted").contains("secret.keys");
      assertThat(read.status()).as(read.toString()).isEqualTo(503);
      assertThat(read.json()).containsEntry("errorCode", "secret_key_mismatch");
    }
  }

  @Test
  void aMissingKeyFileIsNotRegeneratedWhileEncryptedSecretsExist() {
    actionWithASecret();
    Path keys = dir.resolve("secret.keys");
    assertThat(keys).exists();
    keys.toFile().delete();

    try (TestServer server = onSqlite()) {
      Response ready = server.get("/health/ready");

      assertThat(ready.status()).isEqualTo(503);
      assertThat((String) ready.json().get("reason")).contains("does not exist").contains("secret.keys.file");
      assertThat(keys).doesNotExist();
    }
  }
}
