package dev.interlock.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.adapter.http.TestServer.Response;
import dev.interlock.core.javaaction.JavaActionRuntime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class JavaScriptAndLimitsTest {

  @Test
  void runsJavaScriptActionsDeployedThroughTheManagementApi() {
    try (TestServer http = TestServer.start()) {
      Response created = http.post("/api/v2/actions/actions", "{\"name\":\"js\",\"supported_triggers\":[{\"id\":\"sample-login\"}],"
          + "\"code\":\"exports.onExecuteSampleLogin = async (event, api) => { api.claims.set('user', event.user.user_id); };\","
          + "\"deploy\":true}");
      http.bind("sample-login", (String) created.json().get("id"));

      Response r = http.send("POST", "/api/v1/triggers/sample-login/execute", TestServer.EXECUTOR,
          "{\"user\":{\"user_id\":\"u-42\"}}");

      assertThat(created.json()).containsEntry("runtime", "node22");
      assertThat(r.json()).containsEntry("status", "completed")
          .containsEntry("outcome", Map.of("claims", Map.of("user", "u-42")));
    }
  }

  @Test
  void refusesToDeployCodeThatDoesNotLoadPointingAtTheLine() {
    try (TestServer http = TestServer.start()) {
      Response r = http.post("/api/v2/actions/actions", "{\"name\":\"broken\",\"supported_triggers\":[{\"id\":\"sample-login\"}],"
          + "\"code\":\"exports.onExecuteSampleLogin = async (event, api) => {\\n  api.claims.set(;\\n};\",\"deploy\":true}");

      assertThat(r.status()).isEqualTo(400);
      assertThat(r.json()).containsEntry("errorCode", "action_load");
      assertThat(TestServer.field(r.list("problems"), "path")).anySatisfy(p -> assertThat((String) p).startsWith("2:"));
      assertThat(http.get("/api/v2/actions/actions?actionName=broken").list("actions")).isEmpty();
    }
  }

  @Test
  void answers503WithRetryAfterWhenTheAsyncQueueIsFull() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch running = new CountDownLatch(1);
    JavaActionRuntime runtime = new JavaActionRuntime().register("blocking", (event, api) -> {
      running.countDown();
      release.await(10, TimeUnit.SECONDS);
    });
    try (TestServer http = TestServer.start(List.of("--async.workers=1", "--async.queue=1"), runtime)) {
      String id = (String) http.post("/api/v2/actions/actions", "{\"name\":\"blocking\",\"supported_triggers\":"
          + "[{\"id\":\"sample-signup\"}],\"code\":\"blocking\",\"runtime\":\"java\",\"deploy\":true}").json().get("id");
      http.bind("sample-signup", id);
      assertThat(http.send("POST", "/api/v1/triggers/sample-signup/execute", TestServer.EXECUTOR, "{}").status()).isEqualTo(202);
      assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(http.send("POST", "/api/v1/triggers/sample-signup/execute", TestServer.EXECUTOR, "{}").status()).isEqualTo(202);

      Response busy = http.send("POST", "/api/v1/triggers/sample-signup/execute", TestServer.EXECUTOR, "{}");

      release.countDown();
      assertThat(busy.status()).isEqualTo(503);
      assertThat(busy.json()).containsEntry("errorCode", "engine_busy");
      assertThat(busy.header("Retry-After")).isEqualTo("1");
    }
  }
}
