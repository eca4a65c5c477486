package dev.interlock.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.adapter.http.RawHttp.Answer;
import dev.interlock.adapter.http.TestServer.Response;
import dev.interlock.testkit.SampleFamily;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Client mistakes in ids, references and bodies are 4xx naming the field, never 5xx. */
class InputValidationTest {
  private static final String ACTIONS = "/api/v2/actions/actions";
  private static final String CREATE = "{\"name\":\"%s\",\"supported_triggers\":[{\"id\":\"" + SampleFamily.LOGIN
      + "\",\"version\":\"v1\"}],\"code\":\"noop\",\"runtime\":\"java\"}";
  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static List<Object> paths(Response r) {
    return TestServer.field(r.list("problems"), "path");
  }

  private static Answer raw(String method, String path, String contentType, String body) {
    int length = body.getBytes(StandardCharsets.UTF_8).length;
    return RawHttp.exchange(server.server.port(), method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n"
        + "Authorization: Bearer " + TestServer.ADMIN + "\r\n" + (contentType == null ? "" : "Content-Type: " + contentType
        + "\r\n") + "Content-Length: " + length + "\r\nConnection: close\r\n\r\n" + body);
  }

  @Test
  void aBlankActionIdInThePathGets400NamingIt() {
    Response r = server.get(ACTIONS + "/%20%20");

    assertThat(r.status()).isEqualTo(400);
    assertThat(paths(r)).containsExactly("id");
  }

  @Test
  void aBlankBindingReferenceGets400NamingItsPath() {
    Response r = server.patch("/api/v2/actions/triggers/" + SampleFamily.LOGIN + "/bindings",
        "{\"bindings\":[{\"ref\":{\"type\":\"action_id\",\"value\":\" \"}},{\"ref\":{\"type\":\"action_name\",\"value\":\"\"}}]}");

    assertThat(r.status()).isEqualTo(400);
    assertThat(paths(r)).containsExactly("$.bindings[0].ref.value", "$.bindings[1].ref.value");
  }

  @Test
  void deployRefusesMalformedJsonAndFieldsItDoesNotTake() {
    String id = (String) server.post(ACTIONS, CREATE.formatted("deploy-body")).json().get("id");

    Response broken = server.post(ACTIONS + "/" + id + "/deploy", "{\"oops\"");
    Response extra = server.post(ACTIONS + "/" + id + "/deploy", "{\"update_draft\":true}");
    Response empty = server.post(ACTIONS + "/" + id + "/deploy", null);

    assertThat(broken.status()).isEqualTo(400);
    assertThat(broken.json()).containsEntry("errorCode", "invalid_json");
    assertThat(extra.status()).isEqualTo(400);
    assertThat(paths(extra)).containsExactly("$.update_draft");
    assertThat(empty.status()).isEqualTo(202);
  }

  @Test
  void patchRefusesARuntimeTheServerDoesNotRunAndKeepsTheDraft() {
    String id = (String) server.post(ACTIONS, CREATE.formatted("runtime-patch")).json().get("id");

    Response r = server.patch(ACTIONS + "/" + id, "{\"runtime\":\"cobol85\"}");

    assertThat(r.status()).isEqualTo(400);
    assertThat(paths(r)).containsExactly("$.runtime");
    assertThat(server.get(ACTIONS + "/" + id).json()).containsEntry("runtime", "java");
  }

  @Test
  void acceptsJsonSentAsCurlDashDSendsItOrWithoutAContentType() {
    Answer curl = raw("POST", ACTIONS, "application/x-www-form-urlencoded", CREATE.formatted("curl-d"));
    Answer none = raw("POST", ACTIONS, null, CREATE.formatted("no-type"));
    Answer charset = raw("POST", ACTIONS, "application/json; charset=utf-8", CREATE.formatted("charset"));

    assertThat(curl.status()).as(curl.toString()).isEqualTo(201);
    assertThat(none.status()).as(none.toString()).isEqualTo(201);
    assertThat(charset.status()).as(charset.toString()).isEqualTo(201);
  }

  @Test
  void refusesABodyDeclaredAsSomethingElseThanJsonWith415() {
    Answer text = raw("POST", ACTIONS, "text/plain", CREATE.formatted("text"));
    Answer form = raw("PATCH", "/api/v2/actions/triggers/" + SampleFamily.LOGIN + "/bindings",
        "multipart/form-data; boundary=x", "--x--");

    assertThat(text.status()).isEqualTo(415);
    assertThat(text.json()).containsEntry("errorCode", "unsupported_media_type");
    assertThat(form.status()).isEqualTo(415);
  }

  @Test
  void aFormEncodedBodyThatIsNotJsonGets400() {
    Answer a = raw("POST", ACTIONS, "application/x-www-form-urlencoded", "name=x&code=y");

    assertThat(a.status()).isEqualTo(400);
    assertThat(a.json()).containsEntry("errorCode", "invalid_json");
  }
}
