package dev.interlock.adapter.rhino;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A {@link FetchInterceptor} answers fetch and axios without the network or the egress policy. */
class FetchInterceptorTest {
  private final List<FetchInterceptor.Request> seen = new CopyOnWriteArrayList<>();

  private NodeScripts scripts(FetchInterceptor interceptor) {
    // No network at all: only intercepted requests can succeed.
    return NodeScripts.with(RhinoConfig.defaults()
        .withEgress(RhinoEgress.defaults().withAllowPublicHosts(false).withMaxRequests(5))
        .withFetchInterceptor(request -> {
          seen.add(request);
          return interceptor.intercept(request);
        }));
  }

  private static CompletableFuture<FetchInterceptor.Response> json(int status, String body) {
    return CompletableFuture.completedFuture(new FetchInterceptor.Response(
        status, Map.of("Content-Type", List.of("application/json")), body.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void interceptedRequestGetsTheStubbedResponseAndTheInterceptorSeesMethodHeadersAndBody() {
    NodeScripts js = scripts(r -> r.url().startsWith("https://api.example.com/") ? json(201, "{\"id\":7}") : null);

    Object r = js.eval(String.join("\n",
        "const res = await fetch('https://api.example.com/users', { method: 'POST', headers: { 'X-Key': 'k1' },",
        "  body: JSON.stringify({ name: 'a' }) });",
        "return [res.status, res.ok, res.headers.get('content-type'), await res.json()];"));

    assertThat(r).isEqualTo(List.of(201L, true, "application/json", Map.of("id", 7L)));
    FetchInterceptor.Request sent = seen.get(0);
    assertThat(sent.method()).isEqualTo("POST");
    assertThat(sent.header("x-key")).isEqualTo("k1");
    assertThat(sent.header("Content-Type")).isEqualTo("text/plain;charset=UTF-8");
    assertThat(new String(sent.body(), StandardCharsets.UTF_8)).isEqualTo("{\"name\":\"a\"}");
  }

  @Test
  void requestTheInterceptorLetsThroughStillMeetsTheEgressPolicy() {
    NodeScripts js = scripts(r -> null);

    Object r = js.eval(String.join("\n",
        "try { await fetch('https://api.example.com/x'); return 'sent'; }",
        "catch (e) { return [e.code, e.message]; }"));

    assertThat(r).isEqualTo(List.of("EGRESS_DENIED", "fetch failed: request to api.example.com denied: "
        + "host 'api.example.com' is not on the egress allow list"));
  }

  @Test
  void stubbedRedirectIsFollowedThroughTheInterceptor() {
    NodeScripts js = scripts(r -> r.url().endsWith("/old")
        ? CompletableFuture.completedFuture(new FetchInterceptor.Response(302, Map.of("Location", List.of("/new")), null))
        : json(200, "{\"at\":\"new\"}"));

    Object r = js.eval(String.join("\n",
        "const res = await fetch('https://api.example.com/old');",
        "return [res.redirected, res.url, (await res.json()).at];"));

    assertThat(r).isEqualTo(List.of(true, "https://api.example.com/new", "new"));
  }

  @Test
  void failedStubReachesTheScriptAsAFetchErrorAndAxiosSeesStubbedErrorStatuses() {
    NodeScripts js = scripts(r -> r.url().contains("down")
        ? CompletableFuture.failedFuture(new IllegalStateException("connection refused (stub)"))
        : json(404, "{\"error\":\"not_found\"}"));

    Object r = js.eval(String.join("\n",
        "const out = [];",
        "try { await fetch('https://down.example.com/'); } catch (e) { out.push(e.code, e.message); }",
        "const axios = require('axios');",
        "try { await axios.get('https://api.example.com/u/1'); } catch (e) { out.push(e.response.status, e.response.data.error); }",
        "return out;"));

    assertThat(r).isEqualTo(List.of("INTERCEPTED", "fetch failed: connection refused (stub)", 404L, "not_found"));
  }
}
