package dev.interlock.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.interlock.core.javaaction.JavaActionRuntime;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Executions whose actions wait for an HTTP response hold no server thread: with 8 request
 * threads, 30 such executions wait at once and the server still answers other requests.
 */
class NonBlockingExecuteTest {
  private final CountDownLatch gate = new CountDownLatch(1);
  private final AtomicInteger waiting = new AtomicInteger();
  private final ExecutorService upstreamThreads = Executors.newCachedThreadPool();
  private HttpServer upstream;

  @BeforeEach
  void startUpstream() throws Exception {
    upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    upstream.setExecutor(upstreamThreads);
    upstream.createContext("/team", ex -> {
      waiting.incrementAndGet();
      try {
        gate.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      byte[] body = "{\"team\":\"blue\"}".getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    upstream.start();
  }

  @AfterEach
  void stopUpstream() {
    gate.countDown();
    upstream.stop(0);
    upstreamThreads.shutdownNow();
  }

  @Test
  void waitingExecutionsDoNotHoldRequestThreads() throws Exception {
    String host = "127.0.0.1:" + upstream.getAddress().getPort();
    try (TestServer http = TestServer.start(List.of("--http.threads=8", "--egress.allow=" + host), new JavaActionRuntime())) {
      String id = (String) http.post("/api/v2/actions/actions", "{\"name\":\"team\",\"supported_triggers\":[{\"id\":\"sample-login\"}],"
          + "\"code\":\"exports.onExecuteSampleLogin = async (event, api) => { const r = await fetch('http://" + host
          + "/team'); api.claims.set('team', (await r.json()).team); };\",\"deploy\":true}").json().get("id");
      http.bind("sample-login", id);

      // given 30 executions waiting for the upstream at once (more than the server has threads)
      List<CompletableFuture<HttpResponse<String>>> pending = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        pending.add(http.client.sendAsync(HttpRequest.newBuilder(http.uri("/api/v1/triggers/sample-login/execute"))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + TestServer.EXECUTOR)
            .POST(HttpRequest.BodyPublishers.ofString("{\"user\":{\"user_id\":\"u-1\"}}"))
            .build(), HttpResponse.BodyHandlers.ofString()));
      }
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
      while (waiting.get() < 30 && System.nanoTime() - until < 0) {
        Thread.sleep(20);
      }
      assertThat(waiting.get()).as("requests waiting at the upstream; done: %s",
          pending.stream().filter(CompletableFuture::isDone).map(f -> f.join().body()).findFirst().orElse("none")).isEqualTo(30);

      // when another request arrives meanwhile, it is answered
      assertThat(http.get("/api/v2/actions/triggers").status()).isEqualTo(200);
      assertThat(pending).noneMatch(CompletableFuture::isDone);

      // then, once the upstream answers, every execution completes with its response
      gate.countDown();
      for (CompletableFuture<HttpResponse<String>> f : pending) {
        HttpResponse<String> r = f.get(20, TimeUnit.SECONDS);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(new TestServer.Response(r.statusCode(), r.body(), r).json())
            .containsEntry("status", "completed")
            .containsEntry("outcome", Map.of("claims", Map.of("team", "blue")));
      }
    }
  }
}
