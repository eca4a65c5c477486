package dev.interlock.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.adapter.http.InterlockServer;
import dev.interlock.core.json.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The management commands with {@code --server}, against the real HTTP service in this process. */
class RemoteTargetTest {
  private static final String TOKEN = "cli-remote-test-token-0123456789";
  private static InterlockServer server;

  @TempDir Path dir;
  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  @BeforeAll
  static void startServer() {
    server = LocalServer.start(TOKEN, "remote-test-data");
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  private int interlockAs(String token, String stdin, String... args) {
    out = new StringWriter();
    err = new StringWriter();
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--server");
    all.add("http://127.0.0.1:" + server.port());
    return InterlockCli.commandLine(CliOutput.capture(out, err),
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            name -> name.equals("INTERLOCK_TOKEN") ? token : null)
        .execute(all.toArray(new String[0]));
  }

  private int interlock(String... args) {
    return interlockAs(TOKEN, "", args);
  }

  @Test
  @SuppressWarnings("unchecked")
  void managesAnActionOnAServerLikeOnTheLocalStore() throws IOException {
    Path code = Files.writeString(dir.resolve("claim.js"),
        "exports.onExecutePostLogin = async (event, api) => { api.accessToken.setCustomClaim('k', 'v'); };\n");
    String name = "remote-" + System.nanoTime();

    int created = interlock("actions", "create", "--trigger", "post-login", "--name", name, "--file", code.toString(),
        "--dependency", "auth0@4.6.0", "--json");
    String id = (String) Json.parseObject(out.toString()).get("id");
    int secret = interlockAs(TOKEN, "value-123\n", "secrets", "set", name, "API_KEY");
    int deployed = interlock("actions", "deploy", name);
    int bound = interlock("bindings", "set", "--trigger", "post-login", name, "--json");
    Map<String, Object> bindings = Json.parseObject(out.toString());
    int shown = interlock("actions", "show", id, "--json");
    Map<String, Object> action = Json.parseObject(out.toString());
    int tested = interlock("actions", "test", name, "--event", "../examples/post-login-event.json");
    String executionId = (String) Json.parseObject(out.toString()).get("id");
    int execution = interlock("executions", "show", executionId, "--json");
    Map<String, Object> record = Json.parseObject(out.toString());
    int refused = interlock("actions", "delete", name);
    int deleted = interlock("actions", "delete", name, "--force");

    assertThat(List.of(created, secret, deployed, bound, shown, tested, execution)).as(err.toString())
        .containsOnly(0);
    assertThat((List<Map<String, Object>>) bindings.get("bindings")).extracting(b -> b.get("action_id"))
        .containsExactly(id);
    assertThat(action.get("deployed_version")).isEqualTo(1L);
    assertThat(action.get("secrets")).isEqualTo(List.of("API_KEY"));
    assertThat(action.get("dependencies")).isEqualTo(Map.of("auth0", "4.6.0"));
    assertThat(record.get("status")).isEqualTo("completed");
    assertThat(refused).isEqualTo(InterlockCli.EXIT_INPUT);
    assertThat(deleted).isZero();
  }

  @Test
  void reportsARefusedTokenAsAnInputError() {
    int code = interlockAs("wrong-token", "", "actions", "list");

    assertThat(code).isEqualTo(InterlockCli.EXIT_INPUT);
    assertThat(err.toString()).contains("server answered 401");
  }

  @Test
  void needsATokenForARemoteServer() {
    int code = interlockAs(null, "", "actions", "list");

    assertThat(code).isEqualTo(InterlockCli.EXIT_INPUT);
    assertThat(err.toString()).contains("INTERLOCK_TOKEN");
  }
}
