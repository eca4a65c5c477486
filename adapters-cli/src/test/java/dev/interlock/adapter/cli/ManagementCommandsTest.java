package dev.interlock.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.json.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManagementCommandsTest {
  private static final String V1 = """
      exports.onExecutePostLogin = async (event, api) => {
        api.accessToken.setCustomClaim('v', 1);
      };
      """;
  private static final String V2 = """
      exports.onExecutePostLogin = async (event, api) => {
        api.accessToken.setCustomClaim('v', 2);
      };
      """;

  @TempDir Path dir;
  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  private int interlock(String... args) {
    return interlockWithInput("", args);
  }

  private int interlockWithInput(String stdin, String... args) {
    out = new StringWriter();
    err = new StringWriter();
    InputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--data-dir";
    all[args.length + 1] = dir.resolve("data").toString();
    return InterlockCli.commandLine(CliOutput.capture(out, err), in).execute(all);
  }

  private Path file(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private String createAction(String name) throws IOException {
    int code = interlock("actions", "create", "--trigger", "post-login", "--name", name, "--file",
        file(name + ".js", V1).toString(), "--json");
    assertThat(code).as(err.toString()).isZero();
    return (String) Json.parseObject(out.toString()).get("id");
  }

  @Test
  void createsAnActionThatListAndShowFindByName() throws IOException {
    String id = createAction("add-claim");

    int listed = interlock("actions", "list");
    String table = out.toString();
    int shown = interlock("actions", "show", "add-claim", "--json");

    assertThat(listed).isZero();
    assertThat(table).contains("NAME").contains("add-claim").contains(id).contains("draft");
    assertThat(shown).isZero();
    Map<String, Object> action = Json.parseObject(out.toString());
    assertThat(action.get("id")).isEqualTo(id);
    assertThat(action.get("code")).isEqualTo(V1);
  }

  @Test
  void declaresNpmDependenciesOnCreateAndReplacesThemOnUpdate() throws IOException {
    int created = interlock("actions", "create", "--trigger", "post-login", "--name", "deps", "--file",
        file("deps.js", V1).toString(), "--dependency", "auth0@3.7.2", "--dependency", "@acme/tools@1.0.0", "--json");
    Map<String, Object> before = Json.parseObject(out.toString());
    int updated = interlock("actions", "update", "deps", "--dependency", "auth0@4.6.0", "--json");
    Map<String, Object> after = Json.parseObject(out.toString());
    int bad = interlock("actions", "update", "deps", "--dependency", "auth0");

    assertThat(created).as(err.toString()).isZero();
    assertThat(before.get("dependencies")).isEqualTo(Map.of("auth0", "3.7.2", "@acme/tools", "1.0.0"));
    assertThat(updated).as(err.toString()).isZero();
    assertThat(after.get("dependencies")).isEqualTo(Map.of("auth0", "4.6.0"));
    assertThat(bad).isEqualTo(InterlockCli.EXIT_INPUT);
    assertThat(err.toString()).contains("--dependency auth0: give NAME@VERSION");
  }

  @Test
  @SuppressWarnings("unchecked")
  void deploysUpdatesAndRollsBackThroughVersions() throws IOException {
    createAction("claims");
    assertThat(interlock("actions", "deploy", "claims")).as(err.toString()).isZero();
    assertThat(interlock("actions", "update", "claims", "--file", file("v2.js", V2).toString())).isZero();

    int diffCode = interlock("actions", "diff", "claims");
    String diff = out.toString();
    interlock("actions", "deploy", "claims");
    interlock("actions", "rollback", "claims", "--version", "1", "--json");
    String rolledBack = out.toString();
    interlock("actions", "versions", "claims", "--json");
    List<Object> versions = (List<Object>) Json.parse(out.toString());

    assertThat(diffCode).isZero();
    assertThat(diff).contains("--- claims@1").contains("+++ claims@draft")
        .contains("-  api.accessToken.setCustomClaim('v', 1);").contains("+  api.accessToken.setCustomClaim('v', 2);");
    assertThat(Json.parseObject(rolledBack).get("number")).isEqualTo(3L);
    assertThat(versions).hasSize(3);
    assertThat(((Map<String, Object>) versions.get(0)).get("deployed")).isEqualTo(true);
  }

  @Test
  void diffsTwoVersions() throws IOException {
    createAction("claims");
    interlock("actions", "deploy", "claims");
    interlock("actions", "update", "claims", "--file", file("v2.js", V2).toString());
    interlock("actions", "deploy", "claims");

    int code = interlock("actions", "diff", "claims", "--from", "1", "--to", "2");

    assertThat(code).isZero();
    assertThat(out.toString()).startsWith("--- claims@1\n+++ claims@2\n@@ -1,3 +1,3 @@");
  }

  @Test
  @SuppressWarnings("unchecked")
  void bindsDeployedActionsInOrderAndRefusesToDeleteABoundActionUnlessForced() throws IOException {
    String first = createAction("first");
    String second = createAction("second");
    interlock("actions", "deploy", "first");
    interlock("actions", "deploy", "second");

    int set = interlock("bindings", "set", "--trigger", "post-login", "second", "first");
    interlock("bindings", "show", "--trigger", "post-login", "--json");
    Map<String, Object> bindings = Json.parseObject(out.toString());
    int refused = interlock("actions", "delete", "first");
    String refusal = err.toString();
    int forced = interlock("actions", "delete", "first", "--force");

    assertThat(set).as(err.toString()).isZero();
    assertThat((List<Map<String, Object>>) bindings.get("bindings")).extracting(b -> b.get("action_id"))
        .containsExactly(second, first);
    assertThat(refused).isEqualTo(InterlockCli.EXIT_INPUT);
    assertThat(refusal).startsWith("error");
    assertThat(forced).isZero();
    interlock("bindings", "show", "--trigger", "post-login", "--json");
    assertThat((List<Object>) Json.parseObject(out.toString()).get("bindings")).hasSize(1);
  }

  @Test
  void refusesToBindAnActionThatWasNeverDeployed() throws IOException {
    createAction("draft-only");

    int code = interlock("bindings", "set", "--trigger", "post-login", "draft-only");

    assertThat(code).isEqualTo(InterlockCli.EXIT_INPUT);
    assertThat(err.toString()).isNotBlank();
  }

  @Test
  void setsASecretFromStandardInputAndShowsOnlyItsName() throws IOException {
    createAction("uses-secret");

    int set = interlockWithInput("s3cr3t-value\n", "secrets", "set", "uses-secret", "API_KEY");
    interlock("actions", "show", "uses-secret", "--json");
    String shown = out.toString();
    int unset = interlock("secrets", "unset", "uses-secret", "API_KEY", "--json");

    assertThat(set).as(err.toString()).isZero();
    assertThat(shown).contains("API_KEY").doesNotContain("s3cr3t-value");
    assertThat(unset).isZero();
    assertThat(out.toString()).doesNotContain("API_KEY");
    assertThat(Files.readString(dir.resolve("data").resolve("interlock.db"), StandardCharsets.ISO_8859_1))
        .doesNotContain("s3cr3t-value");
  }

  @Test
  void refusesAnEmptySecretValue() throws IOException {
    createAction("uses-secret");

    int code = interlockWithInput("", "secrets", "set", "uses-secret", "API_KEY");

    assertThat(code).isEqualTo(InterlockCli.EXIT_INPUT);
    assertThat(err.toString()).contains("standard input");
  }

  @Test
  void reportsAnUnknownActionAsAnInputError() {
    int code = interlock("actions", "show", "nope");

    assertThat(code).isEqualTo(InterlockCli.EXIT_INPUT);
    assertThat(err.toString()).contains("no action with the id or name 'nope'");
  }

  @Test
  void showsARecordedTestExecution() throws IOException {
    createAction("claims");
    int tested = interlock("actions", "test", "claims", "--event",
        file("e.json", Files.readString(Path.of("../examples/post-login-event.json"))).toString());
    String id = (String) Json.parseObject(out.toString()).get("id");

    int shown = interlock("executions", "show", id, "--json");

    assertThat(tested).as(err.toString()).isZero();
    assertThat(shown).as(err.toString()).isZero();
    assertThat(Json.parseObject(out.toString()).get("status")).isEqualTo("completed");
  }
}
