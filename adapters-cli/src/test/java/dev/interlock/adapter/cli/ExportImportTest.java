package dev.interlock.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.json.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportImportTest {
  private static final String ROLES = """
      exports.onExecutePostLogin = async (event, api) => {
        api.accessToken.setCustomClaim('https://example.com/roles', event.authorization?.roles ?? []);
      };
      """;
  private static final String GATE = """
      exports.onExecutePostLogin = async (event, api) => {
        if (!event.user.email_verified) { api.access.deny('verify first'); }
      };
      """;
  private static final String SECRET_VALUE = "s3cr3t-value-never-on-disk";

  @TempDir Path tmp;
  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  private int interlock(String store, String stdin, String... args) {
    out = new StringWriter();
    err = new StringWriter();
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--data-dir");
    all.add(tmp.resolve(store).toString());
    return InterlockCli.commandLine(CliOutput.capture(out, err),
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))).execute(all.toArray(String[]::new));
  }

  private void ok(String store, String stdin, String... args) {
    assertThat(interlock(store, stdin, args)).as(err.toString()).isZero();
  }

  private void sourceStore() throws IOException {
    Files.writeString(tmp.resolve("roles.js"), ROLES);
    Files.writeString(tmp.resolve("gate.js"), GATE);
    ok("a", "", "actions", "create", "--trigger", "post-login", "--name", "add-roles", "--file",
        tmp.resolve("roles.js").toString(), "--dependency", "auth0@4.6.0");
    ok("a", SECRET_VALUE + "\n", "secrets", "set", "add-roles", "API_KEY");
    ok("a", "", "actions", "deploy", "add-roles");
    ok("a", "", "actions", "create", "--trigger", "post-login", "--name", "gate", "--file",
        tmp.resolve("gate.js").toString(), "--deploy");
    ok("a", "", "bindings", "set", "--trigger", "post-login", "gate", "add-roles");
    ok("a", "", "actions", "create", "--trigger", "post-login", "--name", "draft-only", "--file",
        tmp.resolve("gate.js").toString());
  }

  /** The store's state without ids, revisions and times: what a round trip must keep. */
  @SuppressWarnings("unchecked")
  private List<Object> state(String store) {
    ok(store, "", "actions", "list", "--json");
    List<Object> actions = new ArrayList<>();
    Map<String, String> names = new LinkedHashMap<>();
    for (Object o : (List<Object>) Json.parse(out.toString())) {
      Map<String, Object> a = new LinkedHashMap<>((Map<String, Object>) o);
      names.put((String) a.get("id"), (String) a.get("name"));
      ok(store, "", "actions", "show", (String) a.get("id"), "--json");
      a.put("code", Json.parseObject(out.toString()).get("code"));
      a.put("deployed", a.get("deployed_version") != null);
      List.of("id", "revision", "created_at", "updated_at", "deployed_version").forEach(a::remove);
      actions.add(a);
    }
    // import creates actions in file-name order, so compare them by name
    actions.sort(java.util.Comparator.comparing(o -> (String) ((Map<String, Object>) o).get("name")));
    ok(store, "", "bindings", "show", "--trigger", "post-login", "--json");
    List<Object> bound = new ArrayList<>();
    for (Object b : (List<Object>) Json.parseObject(out.toString()).get("bindings")) {
      bound.add(names.get(((Map<String, Object>) b).get("action_id")));
    }
    return List.of(actions, bound);
  }

  private static String allFiles(Path dir) throws IOException {
    StringBuilder b = new StringBuilder();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
        b.append(p).append('\n').append(Files.readString(p)).append('\n');
      }
    }
    return b.toString();
  }

  @Test
  void exportsTheDeployCliLayoutWithSecretNamesOnly() throws IOException {
    sourceStore();
    Path dir = tmp.resolve("export");

    ok("a", "", "export", dir.toString());

    assertThat(Files.readString(dir.resolve("actions/add-roles/code.js"))).isEqualTo(ROLES);
    Map<String, Object> action = Json.parseObject(Files.readString(dir.resolve("actions/add-roles.json")));
    assertThat(action).containsEntry("name", "add-roles").containsEntry("code", "./actions/add-roles/code.js")
        .containsEntry("runtime", "node22").containsEntry("deployed", true)
        .containsEntry("dependencies", List.of(Map.of("name", "auth0", "version", "4.6.0")))
        .containsEntry("secrets", List.of(Map.of("name", "API_KEY")))
        .containsEntry("supported_triggers", List.of(Map.of("id", "post-login", "version", "v3")));
    assertThat(Json.parseObject(Files.readString(dir.resolve("actions/draft-only.json")))).containsEntry("deployed", false);
    Map<String, Object> triggers = Json.parseObject(Files.readString(dir.resolve("triggers/triggers.json")));
    assertThat(triggers.get("post-login")).isEqualTo(List.of(
        Map.of("action_name", "gate", "display_name", "gate"),
        Map.of("action_name", "add-roles", "display_name", "add-roles")));
    assertThat(allFiles(dir)).doesNotContain(SECRET_VALUE);
    assertThat(out.toString() + err.toString()).doesNotContain(SECRET_VALUE);
  }

  @Test
  void aRoundTripIntoAFreshStoreGivesTheSameActionsAndBindings() throws IOException {
    sourceStore();
    Path dir = tmp.resolve("export");
    ok("a", "", "export", dir.toString());

    ok("b", "", "import", dir.toString());
    String summary = out.toString();
    String progress = err.toString();

    assertThat(summary).contains("3 created, 0 updated, 0 unchanged, 2 deployed").contains("1 secret(s) missing");
    assertThat(progress).contains("created: action add-roles, deployed").contains("created: action draft-only\n")
        .contains("secret API_KEY has no value").contains("replaced: bindings of post-login");
    List<Object> a = state("a");
    List<Object> b = state("b");
    // secret values never leave the store: the fresh store lacks API_KEY, everything else is equal
    @SuppressWarnings("unchecked")
    Map<String, Object> roles = (Map<String, Object>) ((List<Object>) a.get(0)).stream()
        .filter(o -> "add-roles".equals(((Map<String, Object>) o).get("name"))).findFirst().orElseThrow();
    assertThat(roles.get("secrets")).isEqualTo(List.of("API_KEY"));
    roles.put("secrets", List.of());
    roles.put("all_changes_deployed", true);
    assertThat(b).isEqualTo(a);
  }

  @Test
  void aSecondImportChangesNothingAndSaysSo() throws IOException {
    sourceStore();
    Path dir = tmp.resolve("export");
    ok("a", "", "export", dir.toString());
    ok("b", "", "import", dir.toString());
    List<Object> before = state("b");

    ok("b", "", "import", dir.toString(), "--json");
    Map<String, Object> json = Json.parseObject(out.toString());
    ok("b", "", "import", dir.toString());

    assertThat(json).containsEntry("changed", false);
    assertThat(out.toString()).contains("0 created, 0 updated, 3 unchanged, 0 deployed").contains("nothing changed");
    assertThat(err.toString()).contains("unchanged: action gate").contains("unchanged: bindings of post-login");
    assertThat(state("b")).isEqualTo(before);
  }

  @Test
  void importingIntoTheSourceKeepsItsSecretValuesAndChangesNothing() throws IOException {
    sourceStore();
    Path dir = tmp.resolve("export");
    ok("a", "", "export", dir.toString());

    ok("a", "", "import", dir.toString());

    assertThat(out.toString()).contains("0 created, 0 updated, 3 unchanged").doesNotContain("missing");
    ok("a", "", "actions", "show", "add-roles", "--json");
    assertThat(Json.parseObject(out.toString()).get("secrets")).isEqualTo(List.of("API_KEY"));
  }

  @Test
  void aChangedCodeFileUpdatesAndDeploysOnlyThatAction() throws IOException {
    sourceStore();
    Path dir = tmp.resolve("export");
    ok("a", "", "export", dir.toString());
    Files.writeString(dir.resolve("actions/gate/code.js"), GATE.replace("verify first", "verify your email"));

    ok("a", "", "import", dir.toString(), "--dry-run");
    String plan = err.toString();
    ok("a", "", "actions", "show", "gate", "--json");
    String afterDryRun = (String) Json.parseObject(out.toString()).get("code");
    ok("a", "", "import", dir.toString());
    String progress = err.toString();

    assertThat(plan).contains("would update: action gate, and deploy it").contains("would leave unchanged: action add-roles");
    assertThat(afterDryRun).isEqualTo(GATE);
    assertThat(progress).contains("updated: action gate, deployed").contains("unchanged: action add-roles");
    ok("a", "", "actions", "show", "gate", "--json");
    Map<String, Object> gate = Json.parseObject(out.toString());
    assertThat((String) gate.get("code")).contains("verify your email");
    assertThat(gate).containsEntry("all_changes_deployed", true).containsEntry("deployed_version", 2L);
  }

  @Test
  void badFilesAreAllReportedWithFileAndFieldAndNothingIsImported() throws IOException {
    Path dir = tmp.resolve("bad");
    Files.createDirectories(dir.resolve("actions/good"));
    Files.createDirectories(dir.resolve("triggers"));
    Files.writeString(dir.resolve("actions/good/code.js"), GATE);
    Files.writeString(dir.resolve("actions/good.json"), """
        {"name": "good", "code": "./actions/good/code.js", "deployed": true,
         "supported_triggers": [{"id": "post-login", "version": "v3"}]}""");
    Files.writeString(dir.resolve("actions/nameless.json"), """
        {"code": "./actions/good/code.js", "supported_triggers": [{"id": "post-login"}]}""");
    Files.writeString(dir.resolve("actions/odd.json"), """
        {"name": "odd", "code": "./actions/odd/missing.js", "dependencies": [{"name": "auth0"}],
         "supported_triggers": [{"id": "post-logout"}]}""");
    Files.writeString(dir.resolve("triggers/triggers.json"), """
        {"post-login": [{"action_name": "good"}, {"action_name": "ghost"}]}""");

    int code = interlock("c", "", "import", dir.toString());
    String error = err.toString();

    assertThat(code).isEqualTo(InterlockCli.EXIT_INPUT);
    assertThat(error).contains("nothing was imported")
        .contains("actions/nameless.json: name: missing")
        .contains("actions/odd.json: code: no file ./actions/odd/missing.js")
        .contains("actions/odd.json: dependencies[0].version: must be a non-empty string")
        .contains("actions/odd.json: supported_triggers[0].id: unknown trigger 'post-logout'");
    ok("c", "", "actions", "list", "--json");
    assertThat(Json.parse(out.toString())).isEqualTo(List.of());

    Files.delete(dir.resolve("actions/nameless.json"));
    Files.delete(dir.resolve("actions/odd.json"));
    int second = interlock("c", "", "import", dir.toString());
    assertThat(second).isEqualTo(InterlockCli.EXIT_INPUT);
    assertThat(err.toString()).contains("triggers/triggers.json: post-login[1].action_name: no action named 'ghost'");
    ok("c", "", "actions", "list", "--json");
    assertThat(Json.parse(out.toString())).isEqualTo(List.of());
  }
}
