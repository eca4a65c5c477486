package dev.interlock.adapter.rhino;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A local HTTP server for fetch and axios tests, on 127.0.0.1 and an ephemeral port. */
final class TestHttpServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  final AtomicInteger hits = new AtomicInteger();
  final AtomicInteger slowInFlight = new AtomicInteger();
  final AtomicInteger maxSlowInFlight = new AtomicInteger();
  /** Requests to {@code /gate} answer "open" once this is counted down. */
  volatile java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
  final AtomicInteger gateInFlight = new AtomicInteger();

  TestHttpServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  private void handle(HttpExchange ex) throws IOException {
    hits.incrementAndGet();
    String path = ex.getRequestURI().getPath();
    byte[] requestBody = ex.getRequestBody().readAllBytes();
    switch (path) {
      case "/echo": {
        Map<String, Object> echo = new LinkedHashMap<>();
        echo.put("method", ex.getRequestMethod());
        echo.put("query", ex.getRequestURI().getRawQuery());
        echo.put("contentType", ex.getRequestHeaders().getFirst("Content-Type"));
        echo.put("accept", ex.getRequestHeaders().getFirst("Accept"));
        echo.put("custom", ex.getRequestHeaders().getFirst("X-Custom"));
        echo.put("authorization", ex.getRequestHeaders().getFirst("Authorization"));
        echo.put("body", new String(requestBody, StandardCharsets.UTF_8));
        send(ex, 200, "application/json", dev.interlock.core.json.Json.write(echo));
        return;
      }
      case "/text":
        send(ex, 200, "text/plain", "plain text ✓");
        return;
      case "/missing":
        send(ex, 404, "application/json", "{\"error\":\"not_found\"}");
        return;
      case "/broken":
        send(ex, 500, "text/plain", "boom");
        return;
      case "/redirect":
        ex.getResponseHeaders().add("Location", "/echo?from=redirect");
        send(ex, 302, "text/plain", "");
        return;
      case "/redirect-to-metadata":
        ex.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
        send(ex, 302, "text/plain", "");
        return;
      case "/redirect-to":
        ex.getResponseHeaders().add("Location", java.net.URLDecoder.decode(ex.getRequestURI().getRawQuery(), StandardCharsets.UTF_8));
        send(ex, 302, "text/plain", "");
        return;
      case "/parallel":
        maxSlowInFlight.accumulateAndGet(slowInFlight.incrementAndGet(), Math::max);
        try {
          Thread.sleep(1000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } finally {
          slowInFlight.decrementAndGet();
        }
        send(ex, 200, "text/plain", "late");
        return;
      case "/gate":
        gateInFlight.incrementAndGet();
        try {
          gate.await(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } finally {
          gateInFlight.decrementAndGet();
        }
        send(ex, 200, "text/plain", "open");
        return;
      case "/slow":
        try {
          Thread.sleep(3000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        send(ex, 200, "text/plain", "late");
        return;
      case "/big":
        send(ex, 200, "text/plain", "x".repeat(2 * 1024 * 1024));
        return;
      default:
        send(ex, 200, "application/json", "{\"hello\":\"world\"}");
    }
  }

  private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", type);
    ex.getResponseHeaders().add("X-Server", "test");
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    } catch (IOException e) {
      // the client gave up (timeouts, size limits)
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
