package dev.interlock.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.adapter.http.TestServer.Response;
import dev.interlock.adapter.http.internal.AccessLog;
import dev.interlock.core.javaaction.JavaActionRuntime;
import dev.interlock.core.json.Json;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class OperationsTest {

  @Test
  void exposesExecutionHttpAndJvmMetricsToATokenWithReadMetrics() {
    try (TestServer http = TestServer.start()) {
      http.bind("sample-login", http.deployedAction("metered", "add-claim"));
      http.send("POST", "/api/v1/triggers/sample-login/execute", TestServer.EXECUTOR, "{}");

      Response metrics = http.get("/metrics");
      Response forbidden = http.send("GET", "/metrics", TestServer.READER, null);

      assertThat(metrics.status()).isEqualTo(200);
      assertThat(metrics.body())
          .contains("interlock_executions_seconds_count{status=\"completed\",trigger=\"sample-login\"")
          .contains("interlock_actions_seconds_bucket")
          .contains("http_server_requests_seconds_count{method=\"POST\",status=\"200\",uri=\"/api/v1/triggers/{triggerId}/execute\"}")
          .contains("jvm_memory_used_bytes");
      assertThat(forbidden.status()).isEqualTo(403);
    }
  }

  @Test
  void writesOneJsonAccessLogLinePerRequestNamingTheTokenNotItsValue() {
    List<String> lines = new ArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord r) {
        synchronized (lines) {
          lines.add(r.getMessage());
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger logger = Logger.getLogger(AccessLog.LOGGER);
    logger.addHandler(capture);
    try (TestServer http = TestServer.start(List.of("--access.log=true"), new JavaActionRuntime())) {
      http.send("GET", "/api/v2/actions/triggers?state=secret-state", TestServer.READER, null);
      http.send("GET", "/api/v2/actions/triggers", null, null);
    } finally {
      logger.removeHandler(capture);
    }

    assertThat(lines).hasSize(2);
    Map<String, Object> first = Json.parseObject(lines.get(0));
    assertThat(first).containsEntry("method", "GET").containsEntry("path", "/api/v2/actions/triggers")
        .containsEntry("route", "/api/v2/actions/triggers").containsEntry("status", 200L).containsEntry("token", "reader")
        .containsKeys("time", "duration_ms", "remote");
    assertThat(Json.parseObject(lines.get(1))).containsEntry("status", 401L).containsEntry("token", null);
    assertThat(String.join("\n", lines)).doesNotContain(TestServer.READER).doesNotContain("secret-state");
  }

  @Test
  void finishesInFlightRequestsWhenStopped() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    JavaActionRuntime runtime = new JavaActionRuntime().register("slow", (event, api) -> {
      started.countDown();
      Thread.sleep(700);
      api.call("claims.set", "slow", true);
    });
    TestServer http = TestServer.start(List.of(), runtime);
    http.bind("sample-login", http.deployedAction("slow", "slow"));
    CompletableFuture<HttpResponse<String>> inFlight = http.client.sendAsync(
        java.net.http.HttpRequest.newBuilder(http.uri("/api/v1/triggers/sample-login/execute"))
            .header("Authorization", "Bearer " + TestServer.EXECUTOR)
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

    http.close();

    HttpResponse<String> r = inFlight.get(10, TimeUnit.SECONDS);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"status\":\"completed\"").contains("\"slow\":true");
  }
}
