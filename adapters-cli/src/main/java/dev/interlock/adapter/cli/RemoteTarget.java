package dev.interlock.adapter.cli;

import dev.interlock.core.PlatformException;
import dev.interlock.core.action.ActionId;
import dev.interlock.core.admin.ActionAdministration;
import dev.interlock.core.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A remote Interlock server reached through its HTTP API (docs/http-api.md) with a bearer token.
 * 4xx answers become input errors (exit 3) carrying the server's message; unreachable servers and
 * 5xx answers are platform errors (exit 4).
 */
final class RemoteTarget implements Target {
  static final String TOKEN_ENV = "INTERLOCK_TOKEN";

  private final URI base;
  private final String token;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final RemoteAdministration admin = new RemoteAdministration(this);

  private RemoteTarget(URI base, String token) {
    this.base = base;
    this.token = token;
  }

  static RemoteTarget connect(String url, String token) {
    URI uri;
    try {
      uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    } catch (IllegalArgumentException e) {
      throw new InputException("--server: not a URL: " + e.getMessage());
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
      throw new InputException("--server: must be an http:// or https:// URL, got " + url);
    }
    if (token == null || token.isBlank()) {
      throw new InputException("--server needs a token in the environment variable " + TOKEN_ENV);
    }
    return new RemoteTarget(uri, token);
  }

  @Override
  public ActionAdministration admin() {
    return admin;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Map<String, Object> test(ActionId id, Integer version, Map<String, Object> event) {
    if (version != null) {
      throw new InputException("--version: testing a version is only possible on the local store");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("payload", event);
    Object payload = call("POST", "/api/v2/actions/actions/" + enc(id.value()) + "/test", body).get("payload");
    return (Map<String, Object>) payload;
  }

  @Override
  public Optional<Map<String, Object>> execution(String id) {
    HttpResponse<String> r = send("GET", "/api/v1/executions/" + enc(id), null);
    if (r.statusCode() == 404) {
      return Optional.empty();
    }
    return Optional.of(parse(r));
  }

  /** Sends a request and returns the JSON object answered (empty for 204), or throws. */
  Map<String, Object> call(String method, String path, Object body) {
    return parse(send(method, path, body));
  }

  private Map<String, Object> parse(HttpResponse<String> r) {
    if (r.statusCode() >= 400) {
      String message = r.body();
      try {
        Map<String, Object> err = Json.parseObject(r.body());
        message = err.getOrDefault("errorCode", r.statusCode()) + ": " + err.get("message");
      } catch (IllegalArgumentException notJson) {
        // keep the raw body
      }
      if (r.statusCode() >= 500) {
        throw new PlatformException("server answered " + r.statusCode() + ": " + message, null);
      }
      throw new InputException("server answered " + r.statusCode() + " " + message);
    }
    if (r.body() == null || r.body().isBlank()) {
      return new LinkedHashMap<>();
    }
    try {
      return Json.parseObject(r.body());
    } catch (IllegalArgumentException e) {
      throw new PlatformException("server answered with invalid JSON: " + e.getMessage(), e);
    }
  }

  private HttpResponse<String> send(String method, String path, Object body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json");
    if (body != null) {
      b.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new PlatformException("cannot reach " + base + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PlatformException("interrupted while calling " + base, e);
    }
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  public void close() {
    // the JDK client of Java 17 has nothing to close
  }
}
