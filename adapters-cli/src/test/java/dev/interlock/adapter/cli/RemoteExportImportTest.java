package dev.interlock.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.adapter.http.InterlockServer;
import dev.interlock.core.json.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import} and {@code export} with {@code --server}, against the real HTTP service in this process. */
class RemoteExportImportTest {
  private static final String TOKEN = "cli-remote-export-token-0123456789";
  private static InterlockServer server;

  @TempDir Path dir;
  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  @BeforeAll
  static void startServer() {
    server = LocalServer.start(TOKEN, "remote-export-test-data");
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  private int interlock(boolean remote, String... args) {
    out = new StringWriter();
    err = new StringWriter();
    List<String> all = new ArrayList<>(List.of(args));
    if (remote) {
      all.add("--server");
      all.add("http://127.0.0.1:" + server.port());
    } else {
      all.add("--data-dir");
      all.add(dir.resolve("local").toString());
    }
    return InterlockCli.commandLine(CliOutput.capture(out, err), new ByteArrayInputStream(new byte[0]),
            name -> name.equals("INTERLOCK_TOKEN") ? TOKEN : null)
        .execute(all.toArray(new String[0]));
  }

  @Test
  void importsALocalExportIntoAServerOnceAndExportsItBackTheSame() throws IOException {
    Path code = Files.writeString(dir.resolve("claim.js"),
        "exports.onExecutePostLogin = async (event, api) => { api.accessToken.setCustomClaim('x', 1); };\n");
    assertThat(interlock(false, "actions", "create", "--trigger", "post-login", "--name", "remote-claim",
        "--file", code.toString(), "--dependency", "auth0@4.6.0", "--deploy")).as(err.toString()).isZero();
    assertThat(interlock(false, "bindings", "set", "--trigger", "post-login", "remote-claim")).as(err.toString()).isZero();
    Path local = dir.resolve("from-local");
    assertThat(interlock(false, "export", local.toString())).as(err.toString()).isZero();

    int first = interlock(true, "import", local.toString());
    String firstSummary = out.toString();
    int second = interlock(true, "import", local.toString(), "--json");
    Map<String, Object> secondJson = Json.parseObject(out.toString());
    Path remote = dir.resolve("from-server");
    int exported = interlock(true, "export", remote.toString());

    assertThat(first).as(err.toString()).isZero();
    assertThat(firstSummary).contains("1 created").contains("1 deployed").contains("bindings of 1 of");
    assertThat(second).isZero();
    assertThat(secondJson).containsEntry("changed", false);
    assertThat(exported).as(err.toString()).isZero();
    assertThat(Files.readString(remote.resolve("actions/remote-claim.json")))
        .isEqualTo(Files.readString(local.resolve("actions/remote-claim.json")));
    assertThat(Files.readString(remote.resolve("actions/remote-claim/code.js")))
        .isEqualTo(Files.readString(local.resolve("actions/remote-claim/code.js")));
    assertThat(Json.parseObject(Files.readString(remote.resolve("triggers/triggers.json"))).get("post-login"))
        .isEqualTo(List.of(Map.of("action_name", "remote-claim", "display_name", "remote-claim")));
  }
}
