package dev.interlock.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.adapter.http.TestServer.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ExecutionApiTest {
  private static TestServer http;

  @BeforeAll
  static void start() {
    http = TestServer.start();
    http.bind("sample-login", http.deployedAction("claim", "add-claim"), http.deployedAction("other", "add-other-claim"));
    String signup = http.post("/api/v2/actions/actions", "{\"name\":\"on-signup\",\"supported_triggers\":[{\"id\":\"sample-signup\"}],"
        + "\"code\":\"noop\",\"runtime\":\"java\",\"deploy\":true}").json().get("id").toString();
    http.bind("sample-signup", signup);
  }

  @AfterAll
  static void stop() {
    http.close();
  }

  @Test
  void runsASyncTriggersBoundFlowAndAnswersWithTheExecutionRecord() {
    Response r = http.send("POST", "/api/v1/triggers/sample-login/execute", TestServer.EXECUTOR,
        "{\"user\":{\"user_id\":\"u1\"}}");

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    Map<String, Object> record = r.json();
    assertThat((String) record.get("id")).startsWith("exec_");
    assertThat(record).containsEntry("trigger_id", "sample-login").containsEntry("status", "completed")
        .containsEntry("outcome", Map.of("claims", Map.of("role", "admin", "team", "blue")));
    assertThat(TestServer.field(TestServer.obj(record).get("results") instanceof List<?> l ? castList(l) : List.of(), "action_name"))
        .containsExactly("claim", "other");
  }

  @Test
  void acceptsAnAsyncTriggersEventWith202AndServesTheRecordLater() throws InterruptedException {
    Response r = http.send("POST", "/api/v1/triggers/sample-signup/execute", TestServer.EXECUTOR,
        "{\"user\":{\"user_id\":\"u2\"}}");

    assertThat(r.status()).isEqualTo(202);
    String id = (String) r.json().get("id");
    assertThat(r.json()).containsEntry("status", "pending");
    assertThat(r.header("Location")).isEqualTo("/api/v1/executions/" + id);
    Map<String, Object> record = awaitFinished(id);
    assertThat(record).containsEntry("status", "completed").containsEntry("trigger_id", "sample-signup");
  }

  @Test
  void servesTheManagementApisExecutionShape() {
    String id = (String) http.send("POST", "/api/v1/triggers/sample-login/execute", TestServer.EXECUTOR,
        "{\"user\":{\"user_id\":\"u3\"}}").json().get("id");

    Response r = http.get("/api/v2/actions/executions/" + id);

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json()).containsEntry("id", id).containsEntry("trigger_id", "sample-login").containsEntry("status", "final")
        .containsKeys("created_at", "updated_at");
    assertThat(TestServer.field(r.list("results"), "action_name")).containsExactly("claim", "other");
  }

  @Test
  void refusesAnInvalidEventWithTheJsonPathOfEachProblem() {
    Response r = http.send("POST", "/api/v1/triggers/sample-login/execute", TestServer.EXECUTOR,
        "{\"user\":{\"user_id\":42}}");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json()).containsEntry("errorCode", "invalid_event").containsEntry("statusCode", 400L);
    assertThat(TestServer.field(r.list("problems"), "path")).contains("$.user.user_id");
  }

  @Test
  void answers404ForAnUnknownTriggerAndExecution() {
    Response trigger = http.send("POST", "/api/v1/triggers/no-such-trigger/execute", TestServer.EXECUTOR, "{}");
    Response execution = http.send("GET", "/api/v1/executions/exec_nope", TestServer.EXECUTOR, null);
    Response resume = http.send("POST", "/api/v1/executions/exec_nope/resume", TestServer.EXECUTOR, "{\"query\":{}}");

    assertThat(trigger.status()).isEqualTo(404);
    assertThat(trigger.json()).containsEntry("errorCode", "unknown_trigger");
    assertThat(execution.status()).isEqualTo(404);
    assertThat(resume.status()).isEqualTo(404);
  }

  @Test
  void refusesToResumeAFinishedExecutionWith409() {
    String id = (String) http.send("POST", "/api/v1/triggers/sample-login/execute", TestServer.EXECUTOR,
        "{\"user\":{\"user_id\":\"u4\"}}").json().get("id");

    Response r = http.send("POST", "/api/v1/executions/" + id + "/resume", TestServer.EXECUTOR,
        "{\"query\":{\"state\":\"x\"},\"body\":{}}");

    assertThat(r.status()).isEqualTo(409);
  }

  @Test
  void refusesAResumeRequestWithFieldsOtherThanQueryAndBody() {
    Response r = http.send("POST", "/api/v1/executions/exec_x/resume", TestServer.EXECUTOR, "{\"query\":[],\"extra\":1}");

    assertThat(r.status()).isEqualTo(400);
    assertThat(TestServer.field(r.list("problems"), "path")).containsExactlyInAnyOrder("$.query", "$.extra");
  }

  @Test
  void reportsAFailedActionAsAFailedRecordNotAnHttpError() {
    TestServer other = TestServer.start();
    try {
      other.bind("sample-login", other.deployedAction("boom", "boom"));

      Response r = other.send("POST", "/api/v1/triggers/sample-login/execute", TestServer.EXECUTOR, "{}");

      assertThat(r.status()).isEqualTo(200);
      assertThat(r.json()).containsEntry("status", "failed");
      assertThat(TestServer.obj(r.json().get("error"))).containsEntry("code", "action_error");
    } finally {
      other.close();
    }
  }

  private static Map<String, Object> awaitFinished(String id) throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      Response r = http.send("GET", "/api/v1/executions/" + id, TestServer.EXECUTOR, null);
      assertThat(r.status()).isEqualTo(200);
      if (!"pending".equals(r.json().get("status"))) {
        return r.json();
      }
      Thread.sleep(25);
    }
    throw new AssertionError("execution " + id + " did not finish");
  }

  @SuppressWarnings("unchecked")
  private static List<Object> castList(List<?> l) {
    return (List<Object>) l;
  }
}
