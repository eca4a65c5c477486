package dev.interlock.adapter.rhino;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** fetch and axios against a local server that the test's egress allow list admits. */
class NodeFetchTest {
  private static TestHttpServer server;
  private static NodeScripts js;
  private static String base;

  @BeforeAll
  static void start() throws IOException {
    server = new TestHttpServer();
    base = "http://127.0.0.1:" + server.port();
    RhinoEgress egress = RhinoEgress.defaults()
        .withAllowedHosts(List.of("127.0.0.1:" + server.port()))
        .withMaxResponseBytes(1024 * 1024)
        .withMaxRequests(5);
    js = NodeScripts.with(RhinoConfig.defaults().withEgress(egress));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void fetchGetsJsonWithStatusAndHeaders() {
    Object r = js.eval(String.join("\n",
        "const res = await fetch('" + base + "/hello');",
        "return [res.ok, res.status, res.statusText, res.headers.get('Content-Type'), res.headers.get('x-server'),",
        "  await res.json(), res.url, res.redirected];"));

    assertThat(r).isEqualTo(List.of(true, 200L, "OK", "application/json", "test", Map.of("hello", "world"),
        base + "/hello", false));
  }

  @Test
  void fetchSendsMethodHeadersAndJsonFormAndTextBodies() {
    Object r = js.eval(String.join("\n",
        "const json = await (await fetch('" + base + "/echo', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Custom': 'yes' },",
        "  body: JSON.stringify({ a: 1 }) })).json();",
        "const form = await (await fetch('" + base + "/echo', { method: 'PUT', body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'a b' }) })).json();",
        "const text = await (await fetch(new URL('" + base + "/echo?x=1'), { method: 'patch', body: 'hi', headers: new Headers([['authorization', 'Bearer t']]) })).json();",
        "return [json, form.method, form.contentType, form.body, text.method, text.query, text.contentType, text.authorization];"));

    Map<String, Object> json = new java.util.LinkedHashMap<>();
    json.put("method", "POST");
    json.put("query", null);
    json.put("contentType", "application/json");
    json.put("accept", null);
    json.put("custom", "yes");
    json.put("authorization", null);
    json.put("body", "{\"a\":1}");
    assertThat(r).isEqualTo(Arrays.asList(json, "PUT", "application/x-www-form-urlencoded;charset=UTF-8",
        "grant_type=client_credentials&scope=a+b", "PATCH", "x=1", "text/plain;charset=UTF-8", "Bearer t"));
  }

  @Test
  void fetchReportsErrorStatusesWithoutRejecting() {
    Object r = js.eval(String.join("\n",
        "const res = await fetch('" + base + "/missing');",
        "const broken = await fetch('" + base + "/broken');",
        "return [res.ok, res.status, res.statusText, await res.json(), broken.status, await broken.text()];"));

    assertThat(r).isEqualTo(List.of(false, 404L, "Not Found", Map.of("error", "not_found"), 500L, "boom"));
  }

  @Test
  void fetchFollowsRedirectsAndCanRefuseThem() {
    Object r = js.eval(String.join("\n",
        "const res = await fetch('" + base + "/redirect');",
        "const manual = await fetch('" + base + "/redirect', { redirect: 'manual' });",
        "return [res.status, res.redirected, res.url, (await res.json()).query, manual.status, manual.headers.get('location')];"));

    assertThat(r).isEqualTo(List.of(200L, true, base + "/echo?from=redirect", "from=redirect", 302L, "/echo?from=redirect"));
  }

  @Test
  void fetchChecksEveryRedirectAgainstTheEgressPolicy() {
    Object r = js.eval(String.join("\n",
        "try { await fetch('" + base + "/redirect-to-metadata'); return 'fetched'; }",
        "catch (e) { return [e.name, e.code, e.message]; }"));

    assertThat(r).isEqualTo(List.of("TypeError", "EGRESS_DENIED", "fetch failed: request to 169.254.169.254 denied: "
        + "host '169.254.169.254' resolves to 169.254.169.254, a link-local (cloud metadata) address, which actions may not reach"));
  }

  @Test
  void abortSignalTimeoutEndsASlowRequest() {
    Object r = js.eval(String.join("\n",
        "try { await fetch('" + base + "/slow', { signal: AbortSignal.timeout(200) }); return 'fetched'; }",
        "catch (e) { return [e.name, e.message]; }"));

    assertThat(r).isEqualTo(List.of("TimeoutError", "The operation was aborted due to timeout"));
  }

  @Test
  void anAbortedSignalRejectsBeforeSending() {
    int before = server.hits.get();

    Object r = js.eval(String.join("\n",
        "const c = new AbortController(); c.abort();",
        "try { await fetch('" + base + "/hello', { signal: c.signal }); return 'fetched'; }",
        "catch (e) { return [e.name, c.signal.aborted]; }"));

    assertThat(r).isEqualTo(List.of("AbortError", true));
    assertThat(server.hits.get()).isEqualTo(before);
  }

  @Test
  void requestsStartedTogetherRunConcurrently() {
    server.maxSlowInFlight.set(0);

    Object r = js.eval(String.join("\n",
        "const all = await Promise.all([1, 2, 3].map(() => fetch('" + base + "/parallel', { signal: AbortSignal.timeout(5000) }).then(res => res.text())));",
        "return all;"));

    assertThat(r).isEqualTo(List.of("late", "late", "late"));
    assertThat(server.maxSlowInFlight.get()).isEqualTo(3);
  }

  @Test
  void abortingBeforeTheResponseIsCollectedRejectsWithAbortError() {
    Object r = js.eval(String.join("\n",
        "const c = new AbortController();",
        "const pending = fetch('" + base + "/slow', { signal: c.signal });",
        "c.abort();",
        "try { await pending; return 'fetched'; } catch (e) { return e.name; }"));

    assertThat(r).isEqualTo("AbortError");
  }

  @Test
  void responsesLargerThanTheLimitAreRejected() {
    Object r = js.eval(String.join("\n",
        "try { await fetch('" + base + "/big'); return 'fetched'; }",
        "catch (e) { return [e.code, e.message]; }"));

    assertThat(r).isEqualTo(List.of("RESPONSE_TOO_LARGE", "fetch failed: the response body is larger than 1048576 bytes"));
  }

  @Test
  void requestsPerExecutionAreLimitedAndTheCountStartsAgainNextExecution() {
    String body = String.join("\n",
        "const out = [];",
        "for (let i = 0; i < 6; i++) { try { out.push((await fetch('" + base + "/hello')).status); } catch (e) { out.push(e.code); } }",
        "return out;");

    Object first = js.eval(body);
    Object second = js.eval(body);

    assertThat(first).isEqualTo(List.of(200L, 200L, 200L, 200L, 200L, "REQUEST_LIMIT"));
    assertThat(second).isEqualTo(first);
  }

  @Test
  void axiosSendsJsonAndParsesJsonByDefault() {
    Object r = js.eval(String.join("\n",
        "const axios = require('axios');",
        "const res = await axios.post('" + base + "/echo', { a: 1 }, { headers: { 'X-Custom': 'yes' }, params: { q: 'a b' } });",
        "const get = await axios.get('" + base + "/hello');",
        "const del = await axios.delete('" + base + "/echo');",
        "const text = await axios({ url: '" + base + "/text' });",
        "return [res.status, res.data.method, res.data.contentType, res.data.body, res.data.custom, res.data.query, res.data.accept,",
        "  get.data, get.headers['x-server'], del.data.method, text.data];"));

    assertThat(r).isEqualTo(List.of(200L, "POST", "application/json", "{\"a\":1}", "yes", "q=a%20b",
        "application/json, text/plain, */*", Map.of("hello", "world"), "test", "DELETE", "plain text ✓"));
  }

  @Test
  void axiosInstancesCarryBaseUrlHeadersAndTimeout() {
    Object r = js.eval(String.join("\n",
        "const axios = require('node:axios'.slice(5));",
        "const api = axios.create({ baseURL: '" + base + "/', headers: { Authorization: 'Bearer abc' }, timeout: 200 });",
        "const put = await api.put('/echo', { b: 2 });",
        "const patch = await api.patch('echo', 'raw=1');",
        "let timeout; try { await api.get('/slow'); } catch (e) { timeout = [e.code, e.message, e.isAxiosError]; }",
        "return [put.data.method, put.data.authorization, put.data.body, patch.data.method, patch.data.contentType, timeout];"));

    assertThat(r).isEqualTo(List.of("PUT", "Bearer abc", "{\"b\":2}", "PATCH", "application/x-www-form-urlencoded",
        List.of("ECONNABORTED", "timeout of 200ms exceeded", true)));
  }

  @Test
  void axiosRejectsNonSuccessStatusesWithTheResponse() {
    Object r = js.eval(String.join("\n",
        "const axios = require('axios');",
        "try { await axios.get('" + base + "/missing'); return 'ok'; }",
        "catch (e) { return [e.name, e.message, e.code, e.response.status, e.response.data, axios.isAxiosError(e)]; }"));

    assertThat(r).isEqualTo(List.of("AxiosError", "Request failed with status code 404", "ERR_BAD_REQUEST", 404L,
        Map.of("error", "not_found"), true));
  }
}
