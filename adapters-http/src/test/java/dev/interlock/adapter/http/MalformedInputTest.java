package dev.interlock.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.adapter.http.RawHttp.Answer;
import dev.interlock.core.javaaction.JavaActionRuntime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Requests no well-behaved client sends, over raw sockets: each gets a 4xx in the API's JSON shape. */
class MalformedInputTest {
  private static final String AUTH = "Authorization: Bearer " + TestServer.ADMIN + "\r\n";
  private static TestServer server;
  private static int port;

  @BeforeAll
  static void start() {
    server = TestServer.start(List.of("--max.body.bytes=1024", "--http.body.reads=2", "--http.idle.timeout.ms=1500"),
        new JavaActionRuntime());
    port = server.server.port();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String post(String path, String headers) {
    return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\n" + AUTH + headers;
  }

  private static void assertJsonError(Answer a, int status) {
    assertThat(a).as("an answer").isNotNull();
    assertThat(a.status()).as(a.toString()).isEqualTo(status);
    assertThat(a.contentType()).startsWith("application/json");
    assertThat(a.json()).containsEntry("statusCode", (long) status).containsKey("errorCode").containsKey("message");
  }

  @Test
  void aBrokenPercentEscapeInThePathGets400Json() {
    Answer a = RawHttp.exchange(port, "GET /api/v2/actions/actions/act_%zz HTTP/1.1\r\nHost: localhost\r\n" + AUTH
        + "Connection: close\r\n\r\n");

    assertJsonError(a, 400);
  }

  @Test
  void aBrokenPercentEscapeInTheQueryGets400JsonNamingTheParameter() {
    Answer a = RawHttp.exchange(port, "GET /api/v2/actions/actions?actionName=%zz HTTP/1.1\r\nHost: localhost\r\n"
        + AUTH + "Connection: close\r\n\r\n");

    assertJsonError(a, 400);
    assertThat(a.json()).containsEntry("errorCode", "invalid_query_string");
    assertThat(a.body()).contains("actionName");
  }

  @Test
  void malformedChunkedFramingGets400Json() {
    Answer a = RawHttp.exchange(port, post("/api/v2/actions/actions", "Content-Type: application/json\r\n"
        + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"));

    assertJsonError(a, 400);
  }

  @Test
  void aChunkedBodyOverTheLimitGets413Json() {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      body.append("200\r\n").append("x".repeat(0x200)).append("\r\n");
    }
    Answer a = RawHttp.exchange(port, post("/api/v2/actions/actions", "Content-Type: application/json\r\n"
        + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + body + "0\r\n\r\n"));

    assertJsonError(a, 413);
    assertThat(a.json()).containsEntry("errorCode", "payload_too_large");
  }

  @Test
  void aHeaderLineWithoutAColonGets400Json() {
    Answer a = RawHttp.exchange(port, "GET /health/live HTTP/1.1\r\nHost: localhost\r\nThis is no header\r\n"
        + "Connection: close\r\n\r\n");

    assertJsonError(a, 400);
  }

  @Test
  void headersOverTheServersLimitGet431Json() {
    Answer a = RawHttp.exchange(port, "GET /health/live HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(20_000)
        + "\r\nConnection: close\r\n\r\n");

    assertJsonError(a, 431);
  }

  @Test
  void aBodyThatIsNotJsonByItsContentTypeGets415Json() {
    Answer a = RawHttp.exchange(port, post("/api/v2/actions/actions", "Content-Type: text/xml\r\nContent-Length: 7\r\n"
        + "Connection: close\r\n\r\n<a></a>"));

    assertJsonError(a, 415);
  }

  @Test
  void slowUploadsBeyondTheBodyReadSlotsGet503WhileOtherRequestsAreStillServed() {
    List<RawHttp> slow = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      slow.add(new RawHttp(port).send(post("/api/v2/actions/actions", "Content-Type: application/json\r\n"
          + "Content-Length: 100\r\n\r\n{")));
    }

    Answer health = RawHttp.exchange(port, "GET /health/live HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    List<Integer> statuses = new ArrayList<>();
    for (RawHttp c : slow) {
      Answer a = c.answer();
      statuses.add(a == null ? -1 : a.status());
      c.close();
    }

    assertThat(health.status()).isEqualTo(200);
    assertThat(statuses).as("two slow uploads hold both slots, the others are turned away")
        .filteredOn(s -> s == 503).hasSizeGreaterThanOrEqualTo(2);
    assertThat(statuses).as("the stalled ones end with 408 or a closed connection at the idle timeout")
        .allMatch(s -> s == 503 || s == 408 || s == -1);
  }

  @Test
  void anUploadTheClientAbortsIsNotAServerError() throws Exception {
    String route = "uri=\"/api/v2/actions/triggers/{triggerId}/bindings\"";
    try (RawHttp c = new RawHttp(port)) {
      c.send("PATCH /api/v2/actions/triggers/sample-login/bindings HTTP/1.1\r\nHost: localhost\r\n" + AUTH
          + "Content-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"bindings\":");
    }

    String metrics = "";
    for (int i = 0; i < 200 && !metrics.contains(route); i++) {
      Thread.sleep(50); // until the server has finished the aborted request (bounded)
      metrics = server.get("/metrics").body();
    }

    assertThat(metrics).contains(route);
    assertThat(metrics.lines().filter(l -> l.contains(route) && l.contains("status=\"500\""))).isEmpty();
  }
}
