package dev.interlock.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.adapter.http.TestServer.Response;
import dev.interlock.adapter.http.internal.HttpService;
import dev.interlock.adapter.http.internal.Route;
import dev.interlock.adapter.http.internal.Tokens;
import dev.interlock.core.Interlock;
import dev.interlock.core.json.Json;
import dev.interlock.testkit.SampleFamily;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OpenApiTest {
  private static TestServer http;

  @BeforeAll
  static void start() {
    http = TestServer.start();
  }

  @AfterAll
  static void stop() {
    http.close();
  }

  @Test
  void documentsExactlyTheRoutesTheServiceRegisters() throws Exception {
    Set<String> documented = documentedOperations(Json.parseObject(resource()));
    Set<String> routed = new TreeSet<>();
    try (Interlock engine = Interlock.builder().families(List.of(new SampleFamily())).build()) {
      HttpConfig config = HttpConfig.load(new String[] {"--database.url=memory:"}, Map.of());
      HttpService service = new HttpService(config, engine, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
          Tokens.of(config, null), List.of());
      for (Route r : service.routes()) {
        routed.add(r.method() + " " + normalized(r.path()));
      }
    }

    assertThat(documented).isEqualTo(routed);
  }

  @Test
  void everyDocumentedOperationIsAnsweredByTheRunningServer() {
    Set<String> documented = documentedOperations(http.get("/openapi.json").json());

    for (String op : documented) {
      String method = op.substring(0, op.indexOf(' '));
      String path = op.substring(op.indexOf(' ') + 1).replace("{}", "x");
      Response r = http.send(method, path, null, method.equals("GET") || method.equals("DELETE") ? null : "{}");
      // unauthenticated: a routed endpoint answers 401 (or 200 for health), never 404 or 405
      assertThat(r.status()).as(op + " -> " + r).isIn(200, 401, 503);
    }
  }

  @Test
  void servesTheDocumentOnlyToAuthenticatedCallers() {
    assertThat(http.send("GET", "/openapi.json", null, null).status()).isEqualTo(401);
    assertThat(http.send("GET", "/openapi.json", TestServer.READER, null).json()).containsEntry("openapi", "3.0.3");
  }

  @SuppressWarnings("unchecked")
  private static Set<String> documentedOperations(Map<String, Object> doc) {
    Set<String> out = new TreeSet<>();
    for (Map.Entry<String, Object> p : ((Map<String, Object>) doc.get("paths")).entrySet()) {
      for (String method : ((Map<String, Object>) p.getValue()).keySet()) {
        out.add(method.toUpperCase(Locale.ROOT) + " " + normalized(p.getKey()));
      }
    }
    return out;
  }

  private static String normalized(String path) {
    return path.replaceAll("\\{[^}]+}", "{}");
  }

  private static String resource() throws Exception {
    try (InputStream in = HttpService.class.getResourceAsStream("/dev/interlock/adapter/http/openapi.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
