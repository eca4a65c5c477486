package dev.interlock.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.adapter.http.TestServer.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ManagementApiTest {
  private static TestServer http;

  @BeforeAll
  static void start() {
    http = TestServer.start();
  }

  @AfterAll
  static void stop() {
    http.close();
  }

  private static String create(String name, String code, boolean deploy) {
    Response r = http.post("/api/v2/actions/actions", "{\"name\":\"" + name
        + "\",\"supported_triggers\":[{\"id\":\"sample-login\",\"version\":\"v1\"}],\"code\":\"" + code
        + "\",\"runtime\":\"java\",\"secrets\":[{\"name\":\"API_KEY\",\"value\":\"s3cr3t\"}],\"deploy\":" + deploy + "}");
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return (String) r.json().get("id");
  }

  @Test
  void createsAnActionWithAuth0sShapeAndNeverReturnsSecretValues() {
    Response r = http.post("/api/v2/actions/actions", "{\"name\":\"shape\",\"supported_triggers\":[{\"id\":\"sample-login\"}],"
        + "\"code\":\"add-claim\",\"runtime\":\"java\",\"dependencies\":[{\"name\":\"lodash\",\"version\":\"4.17.21\"}],"
        + "\"secrets\":[{\"name\":\"API_KEY\",\"value\":\"s3cr3t-value\"}]}");

    assertThat(r.status()).isEqualTo(201);
    Map<String, Object> a = r.json();
    assertThat((String) a.get("id")).startsWith("act_");
    assertThat(a).containsEntry("name", "shape").containsEntry("code", "add-claim").containsEntry("runtime", "java")
        .containsEntry("all_changes_deployed", false).containsKeys("created_at", "updated_at");
    assertThat(a.get("supported_triggers")).isEqualTo(List.of(Map.of("id", "sample-login", "version", "v1")));
    assertThat(a.get("dependencies")).isEqualTo(List.of(Map.of("name", "lodash", "version", "4.17.21")));
    assertThat(r.body()).contains("\"name\":\"API_KEY\"").doesNotContain("s3cr3t-value");
    assertThat(a).doesNotContainKey("deployed_version");
  }

  @Test
  void getsPatchesAndDeploysTheDraft() {
    String id = create("lifecycle", "add-claim", false);

    Response patched = http.patch("/api/v2/actions/actions/" + id, "{\"code\":\"add-other-claim\"}");
    Response deployed = http.post("/api/v2/actions/actions/" + id + "/deploy", null);
    Response got = http.get("/api/v2/actions/actions/" + id);

    assertThat(patched.status()).isEqualTo(200);
    assertThat(patched.json()).containsEntry("code", "add-other-claim");
    assertThat(deployed.status()).isEqualTo(202);
    assertThat(deployed.json()).containsEntry("action_id", id).containsEntry("number", 1L).containsEntry("deployed", true)
        .containsEntry("code", "add-other-claim").containsEntry("status", "built");
    assertThat(got.json()).containsEntry("all_changes_deployed", true);
    @SuppressWarnings("unchecked")
    Map<String, Object> dv = (Map<String, Object>) got.json().get("deployed_version");
    assertThat(dv).containsEntry("number", 1L);
  }

  @Test
  void listsVersionsNewestFirstAndRollsBackToAnOlderOneAsANewVersion() {
    String id = create("rollback", "add-claim", true);
    http.patch("/api/v2/actions/actions/" + id, "{\"code\":\"deny\"}");
    http.post("/api/v2/actions/actions/" + id + "/deploy", null);
    String v1 = (String) ((Map<?, ?>) http.get("/api/v2/actions/actions/" + id + "/versions").list("versions").get(1)).get("id");

    Response byId = http.get("/api/v2/actions/actions/" + id + "/versions/" + v1);
    Response rolled = http.post("/api/v2/actions/actions/" + id + "/versions/" + v1 + "/deploy", "{\"update_draft\":true}");
    Response list = http.get("/api/v2/actions/actions/" + id + "/versions");

    assertThat(byId.json()).containsEntry("number", 1L).containsEntry("code", "add-claim").containsEntry("deployed", false);
    assertThat(rolled.status()).isEqualTo(202);
    assertThat(rolled.json()).containsEntry("number", 3L).containsEntry("code", "add-claim").containsEntry("deployed", true);
    assertThat(list.json()).containsEntry("total", 3L).containsEntry("page", 0L);
    assertThat(http.get("/api/v2/actions/actions/" + id).json()).containsEntry("code", "add-claim");
  }

  @Test
  void rollsBackByVersionNumberWithANullBodyKeepingTheDraft() {
    String id = create("rollback-null", "add-claim", true);
    http.patch("/api/v2/actions/actions/" + id, "{\"code\":\"deny\"}");
    http.post("/api/v2/actions/actions/" + id + "/deploy", null);

    Response rolled = http.post("/api/v2/actions/actions/" + id + "/versions/1/deploy", "null");

    assertThat(rolled.status()).isEqualTo(202);
    assertThat(rolled.json()).containsEntry("number", 3L).containsEntry("code", "add-claim");
    assertThat(http.get("/api/v2/actions/actions/" + id).json()).containsEntry("code", "deny")
        .containsEntry("all_changes_deployed", false);
  }

  @Test
  void bindsByNameListsBindingsInOrderAndRefusesToDeleteABoundAction() {
    String first = create("bind-first", "add-claim", true);
    String second = create("bind-second", "add-other-claim", true);

    Response bound = http.patch("/api/v2/actions/triggers/sample-login/bindings",
        "{\"bindings\":[{\"ref\":{\"type\":\"action_name\",\"value\":\"bind-first\"},\"display_name\":\"First\"},"
            + "{\"ref\":{\"type\":\"action_id\",\"value\":\"" + second + "\"}}]}");
    Response listed = http.get("/api/v2/actions/triggers/sample-login/bindings");
    Response refused = http.send("DELETE", "/api/v2/actions/actions/" + first, TestServer.ADMIN, null);
    Response forced = http.send("DELETE", "/api/v2/actions/actions/" + first + "?force=true", TestServer.ADMIN, null);

    assertThat(bound.status()).as(bound.toString()).isEqualTo(200);
    assertThat(TestServer.field(listed.list("bindings"), "display_name"))
        .containsExactly("First", "bind-second");
    assertThat(((Map<?, ?>) listed.list("bindings").get(0)).get("trigger_id")).isEqualTo("sample-login");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json()).containsEntry("errorCode", "action_bound");
    assertThat(forced.status()).isEqualTo(204);
    assertThat(http.get("/api/v2/actions/actions/" + first).status()).isEqualTo(404);
    assertThat(http.get("/api/v2/actions/triggers/sample-login/bindings").list("bindings")).hasSize(1);
    http.patch("/api/v2/actions/triggers/sample-login/bindings", "{\"bindings\":[]}");
  }

  @Test
  void refusesToBindAnUndeployedActionNamingTheEntry() {
    String draft = create("never-deployed", "add-claim", false);

    Response r = http.patch("/api/v2/actions/triggers/sample-login/bindings",
        "{\"bindings\":[{\"ref\":{\"type\":\"action_id\",\"value\":\"" + draft + "\"}}]}");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).contains("$.bindings[0].ref").contains("deploy it first");
  }

  @Test
  void testsTheDraftAgainstAPayloadWithoutBindingIt() {
    String id = create("tested", "add-claim", false);

    Response r = http.post("/api/v2/actions/actions/" + id + "/test", "{\"payload\":{\"user\":{\"user_id\":\"u1\"}}}");

    assertThat(r.status()).isEqualTo(200);
    @SuppressWarnings("unchecked")
    Map<String, Object> record = (Map<String, Object>) r.json().get("payload");
    assertThat(record).containsEntry("status", "completed").containsEntry("outcome", Map.of("claims", Map.of("role", "admin")));
  }

  @Test
  void aTestPayloadMayBePartialFilledFromTheExampleAndANullRemovesAnOptionalField() {
    String id = create("tested-partial", "add-claim", false);

    // user.user_id is required inside user: the example event fills it in
    Response partial = http.post("/api/v2/actions/actions/" + id + "/test", "{\"payload\":{\"user\":{}}}");
    Response nulled = http.post("/api/v2/actions/actions/" + id + "/test", "{\"payload\":{\"user\":null}}");

    assertThat(partial.status()).isEqualTo(200);
    assertThat(partial.body()).contains("\"completed\"");
    assertThat(nulled.status()).isEqualTo(200);
  }

  @Test
  void reportsAnInvalidTestPayloadAtItsPathUnderPayload() {
    String id = create("tested-invalid", "add-claim", false);

    Response r = http.post("/api/v2/actions/actions/" + id + "/test", "{\"payload\":{\"user\":{\"user_id\":5}}}");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).contains("$.payload.user.user_id");
  }

  @Test
  void listsTriggersWithVersionRuntimesAndBindingPolicy() {
    Response r = http.get("/api/v2/actions/triggers");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.list("triggers")).anySatisfy(t -> assertThat(TestServer.obj(t))
        .containsEntry("id", "sample-login").containsEntry("version", "v1")
        .containsEntry("binding_policy", "trigger-bound").containsKey("runtimes"));
  }

  @Test
  void filtersAndPagesTheActionList() {
    create("page-a", "add-claim", true);
    create("page-b", "add-claim", false);

    Response byName = http.get("/api/v2/actions/actions?actionName=page-a");
    Response deployedOnly = http.get("/api/v2/actions/actions?deployed=false&per_page=100");
    Response page = http.get("/api/v2/actions/actions?per_page=1&page=1");
    Response bad = http.get("/api/v2/actions/actions?per_page=lots");

    assertThat(byName.list("actions")).singleElement().satisfies(a -> assertThat(TestServer.obj(a)).containsEntry("name", "page-a"));
    assertThat(TestServer.field(deployedOnly.list("actions"), "name")).contains("page-b").doesNotContain("page-a");
    assertThat(page.list("actions")).hasSize(1);
    assertThat(page.json()).containsEntry("page", 1L).containsEntry("per_page", 1L);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json()).containsEntry("errorCode", "invalid_query_string");
  }

  @Test
  void answers404ForUnknownActionsVersionsAndExecutions() {
    String id = create("lonely", "add-claim", false);

    assertThat(http.get("/api/v2/actions/actions/act_missing").status()).isEqualTo(404);
    assertThat(http.get("/api/v2/actions/actions/" + id + "/versions/7").json()).containsEntry("errorCode", "version_not_found");
    assertThat(http.get("/api/v2/actions/executions/exec_missing").status()).isEqualTo(404);
    assertThat(http.get("/api/v2/actions/triggers/no-such-trigger/bindings").status()).isEqualTo(404);
  }

  @Test
  void detectsAStaleRevisionWithIfMatch() {
    String id = create("revised", "add-claim", false);
    long revision = (Long) http.get("/api/v2/actions/actions/" + id).json().get("revision");
    http.patch("/api/v2/actions/actions/" + id, "{\"code\":\"deny\"}");

    Response r = http.send("PATCH", "/api/v2/actions/actions/" + id, TestServer.ADMIN, "{\"code\":\"boom\"}");
    Response stale = sendWithIfMatch(id, revision);

    assertThat(r.status()).isEqualTo(200);
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.json()).containsEntry("errorCode", "revision_conflict");
  }

  private static Response sendWithIfMatch(String id, long revision) {
    try {
      var req = java.net.http.HttpRequest.newBuilder(http.uri("/api/v2/actions/actions/" + id))
          .header("Authorization", "Bearer " + TestServer.ADMIN).header("If-Match", String.valueOf(revision))
          .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"code\":\"add-claim\"}")).build();
      var res = http.client.send(req, java.net.http.HttpResponse.BodyHandlers.ofString());
      return new Response(res.statusCode(), res.body(), res);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
