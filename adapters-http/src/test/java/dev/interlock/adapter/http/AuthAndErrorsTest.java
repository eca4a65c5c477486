package dev.interlock.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.adapter.http.TestServer.Response;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuthAndErrorsTest {
  private static TestServer http;

  @BeforeAll
  static void start() {
    http = TestServer.start(java.util.List.of("--max.body.bytes=2048"), new dev.interlock.core.javaaction.JavaActionRuntime());
  }

  @AfterAll
  static void stop() {
    http.close();
  }

  @Test
  void answers401WithAChallengeWhenNoTokenIsSent() {
    Response r = http.send("GET", "/api/v2/actions/actions", null, null);

    assertThat(r.status()).isEqualTo(401);
    assertThat(r.json()).containsEntry("statusCode", 401L).containsEntry("error", "Unauthorized")
        .containsEntry("errorCode", "missing_token");
    assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
  }

  @Test
  void answers401ForATokenItDoesNotKnow() {
    Response r = http.send("GET", "/api/v2/actions/actions", "not-a-real-token", null);

    assertThat(r.status()).isEqualTo(401);
    assertThat(r.json()).containsEntry("errorCode", "invalid_token");
  }

  @Test
  void answers403NamingTheScopeWhenTheTokenLacksIt() {
    Response r = http.send("POST", "/api/v2/actions/actions", TestServer.READER, "{}");

    assertThat(r.status()).isEqualTo(403);
    assertThat(r.json()).containsEntry("errorCode", "insufficient_scope")
        .containsEntry("message", "Insufficient scope, expected any of: create:actions");
  }

  @Test
  void letsAReaderReadButNotExecute() {
    assertThat(http.send("GET", "/api/v2/actions/triggers", TestServer.READER, null).status()).isEqualTo(200);
    assertThat(http.send("POST", "/api/v1/triggers/sample-login/execute", TestServer.READER, "{}").status()).isEqualTo(403);
    assertThat(http.send("GET", "/api/v2/actions/triggers", TestServer.EXECUTOR, null).status()).isEqualTo(403);
  }

  @Test
  void servesHealthWithoutAToken() {
    assertThat(http.send("GET", "/health/live", null, null).status()).isEqualTo(200);
    assertThat(http.send("GET", "/health/ready", null, null).body()).contains("\"status\":\"UP\"");
  }

  @Test
  void answersMalformedJsonWith400AndWhereItBroke() {
    Response r = http.post("/api/v2/actions/actions", "{\"name\": ");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json()).containsEntry("errorCode", "invalid_json");
    assertThat((String) r.json().get("message")).contains("offset");
  }

  @Test
  void reportsEveryWrongTypeWithItsJsonPath() {
    Response r = http.post("/api/v2/actions/actions",
        "{\"name\":5,\"supported_triggers\":[{\"id\":\"sample-login\"}],\"secrets\":[{\"name\":\"K\"}],\"deploy\":\"yes\"}");

    assertThat(r.status()).isEqualTo(400);
    assertThat(TestServer.field(r.list("problems"), "path"))
        .containsExactlyInAnyOrder("$.name", "$.secrets[0].value", "$.deploy");
    assertThat((String) r.json().get("message")).contains("$.name: must be a string, got number");
  }

  @Test
  void reportsTheAdministrationsProblemsAtRequestPaths() {
    Response r = http.post("/api/v2/actions/actions",
        "{\"name\":\"\",\"supported_triggers\":[{\"id\":\"unknown-trigger\"}]}");

    assertThat(r.status()).isEqualTo(400);
    assertThat(TestServer.field(r.list("problems"), "path")).contains("$.supported_triggers[0].id");
  }

  @Test
  void refusesAnOversizedBodyWith413() {
    Response r = http.post("/api/v2/actions/actions", "{\"name\":\"" + "x".repeat(4096) + "\"}");

    assertThat(r.status()).isEqualTo(413);
    assertThat(r.json()).containsEntry("statusCode", 413L).containsEntry("errorCode", "payload_too_large");
  }

  @Test
  void answersUnknownPathsAndMethodsInJson() {
    Response path = http.get("/api/v2/nothing-here");
    Response method = http.send("PUT", "/api/v2/actions/triggers", TestServer.ADMIN, "{}");

    assertThat(path.status()).isEqualTo(404);
    assertThat(path.json()).containsEntry("errorCode", "not_found");
    assertThat(method.status()).isEqualTo(405);
    assertThat(method.json()).containsEntry("statusCode", 405L);
  }

  @Test
  void neverSendsAStackTrace() throws Exception {
    HttpRequest req = HttpRequest.newBuilder(http.uri("/api/v1/triggers/sample-login/execute"))
        .header("Authorization", "Bearer " + TestServer.ADMIN)
        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {(byte) 0xff, (byte) 0xfe, '{'})).build();

    HttpResponse<String> r = http.client.send(req, HttpResponse.BodyHandlers.ofString());

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).doesNotContain("\tat ").doesNotContain("Exception");
  }
}
