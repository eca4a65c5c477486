package dev.interlock.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.json.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int interlock(String... args) {
    return InterlockCli.commandLine(CliOutput.capture(out, err)).execute(args);
  }

  private Path file(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private Path loginEvent() throws IOException {
    return file("event.json", Files.readString(Path.of("../examples/post-login-event.json")));
  }

  @Test
  @SuppressWarnings("unchecked")
  void runsActionFilesInOrderAndPrintsTheExecutionRecord() throws IOException {
    Path roles = file("add-roles.js", """
        exports.onExecutePostLogin = async (event, api) => {
          const roles = event.authorization?.roles ?? [];
          api.accessToken.setCustomClaim('https://example.com/roles', roles);
          console.log(`roles for ${event.user.email}: ${roles.join(',')}`);
        };
        """);
    Path deny = file("weekend.js", """
        exports.onExecutePostLogin = async (event, api) => {
          if (event.secrets.BLOCK === 'yes') {
            api.access.deny('blocked by policy');
          }
        };
        """);

    int code = interlock("run", "--trigger", "post-login", "--event", loginEvent().toString(),
        "--secret", "BLOCK=yes", roles.toString(), deny.toString());

    assertThat(code).as(err.toString()).isZero();
    Map<String, Object> record = Json.parseObject(out.toString());
    assertThat(record.get("status")).isEqualTo("denied");
    List<Map<String, Object>> results = (List<Map<String, Object>>) record.get("results");
    assertThat(results).extracting(r -> r.get("action_name")).containsExactly("add-roles", "weekend");
    assertThat(results.get(0).get("version")).isNull();
    assertThat(Json.write(results.get(0).get("logs"))).contains("roles for");
    assertThat(Json.write(record)).doesNotContain("\"yes\"");
  }

  @Test
  void exitsWithZeroWhenTheFlowFails() throws IOException {
    Path boom = file("boom.js", "exports.onExecutePostLogin = async (event, api) => { throw new Error('nope'); };");

    int code = interlock("run", "--trigger", "post-login", "--event", loginEvent().toString(), boom.toString());

    assertThat(code).isZero();
    assertThat(Json.parseObject(out.toString()).get("status")).isEqualTo("failed");
    assertThat(err.toString()).contains("nope");
  }

  @Test
  void anUnreadableEventFileIsAnInputError() throws IOException {
    Path action = file("a.js", "exports.onExecutePostLogin = async () => {};");

    int code = interlock("run", "--trigger", "post-login", "--event", dir.resolve("missing.json").toString(), action.toString());

    assertThat(code).isEqualTo(InterlockCli.EXIT_INPUT);
    assertThat(err.toString()).contains("missing.json");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void malformedEventJsonIsAnInputErrorWithItsOffset() throws IOException {
    Path action = file("a.js", "exports.onExecutePostLogin = async () => {};");
    Path event = file("bad.json", "{\"user\": ");

    int code = interlock("run", "--trigger", "post-login", "--event", event.toString(), action.toString());

    assertThat(code).isEqualTo(InterlockCli.EXIT_INPUT);
    assertThat(err.toString()).contains("offset");
  }

  @Test
  void anEventThatDoesNotFitTheTriggerIsAnInputErrorNamingThePath() throws IOException {
    Path action = file("a.js", "exports.onExecutePostLogin = async () => {};");
    Path event = file("bad.json", "{\"user\": 42}");

    int code = interlock("run", "--trigger", "post-login", "--event", event.toString(), action.toString());

    assertThat(code).isEqualTo(InterlockCli.EXIT_INPUT);
    assertThat(err.toString()).contains("invalid_event").contains("$.user");
  }

  @Test
  void aPartialEventIsFilledFromTheTriggersExampleAndNoEventMeansTheExample() throws IOException {
    Path action = file("who.js",
        "exports.onExecutePostLogin = async (event, api) => {"
            + " api.accessToken.setCustomClaim('who', event.user.email + '|' + event.client.client_id); };");
    Path partial = file("partial.json", "{\"user\": {\"email\": \"partial@example.com\"}}");

    int withPartial = interlock("run", "--trigger", "post-login", "--event", partial.toString(), action.toString());
    String partialOut = out.toString();
    out.getBuffer().setLength(0);
    int withNone = interlock("run", "--trigger", "post-login", action.toString());

    assertThat(withPartial).isZero();
    assertThat(withNone).isZero();
    assertThat(Json.parseObject(partialOut).get("status")).isEqualTo("completed");
    assertThat(partialOut).contains("partial@example.com|");
    assertThat(Json.parseObject(out.toString()).get("status")).isEqualTo("completed");
    assertThat(out.toString()).doesNotContain("partial@example.com").contains("\"who\"");
  }

  @Test
  void anUnknownTriggerIsAnInputErrorListingTheKnownOnes() throws IOException {
    Path action = file("a.js", "exports.onExecutePostLogin = async () => {};");

    int code = interlock("run", "--trigger", "post-logout", "--event", loginEvent().toString(), action.toString());

    assertThat(code).isEqualTo(InterlockCli.EXIT_INPUT);
    assertThat(err.toString()).contains("post-logout").contains("post-login");
  }

  @Test
  void aMissingRequiredOptionIsAUsageError() {
    int code = interlock("run", "action.js");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--trigger");
  }

  @Test
  void aSecretWithoutValueIsReadFromTheEnvironmentAndRefusedWhenUnset() throws IOException {
    Path action = file("a.js", "exports.onExecutePostLogin = async () => {};");

    int code = interlock("run", "--trigger", "post-login", "--event", loginEvent().toString(),
        "--secret", "INTERLOCK_SURELY_UNSET_VARIABLE", action.toString());

    assertThat(code).isEqualTo(InterlockCli.EXIT_INPUT);
    assertThat(err.toString()).contains("INTERLOCK_SURELY_UNSET_VARIABLE");
  }

  @Test
  void fetchReachesALocalServiceOnlyWhenAllowedWithAllowEgress() throws Exception {
    com.sun.net.httpserver.HttpServer server =
        com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/roles", exchange -> {
      byte[] body = "{\"roles\":[\"auditor\"]}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("content-type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try {
      String host = "127.0.0.1:" + server.getAddress().getPort();
      Path action = file("remote-roles.js", """
          exports.onExecutePostLogin = async (event, api) => {
            const res = await fetch('http://%s/roles');
            const { roles } = await res.json();
            api.accessToken.setCustomClaim('https://example.com/roles', roles);
          };
          """.formatted(host));

      int denied = interlock("run", "--trigger", "post-login", "--event", loginEvent().toString(), action.toString());
      String deniedRecord = out.toString();
      out.getBuffer().setLength(0);
      int allowed = interlock("run", "--trigger", "post-login", "--event", loginEvent().toString(),
          "--allow-egress", host, action.toString());

      assertThat(denied).isZero();
      assertThat(Json.parseObject(deniedRecord).get("status")).isEqualTo("failed");
      assertThat(deniedRecord).contains("denied").contains("127.0.0.1");
      assertThat(allowed).as(err.toString()).isZero();
      assertThat(Json.parseObject(out.toString()).get("status")).isEqualTo("completed");
      assertThat(out.toString()).contains("auditor");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void anInvalidAllowEgressEntryIsAnInputError() throws IOException {
    Path action = file("a.js", "exports.onExecutePostLogin = async () => {};");

    int code = interlock("run", "--trigger", "post-login", "--event", loginEvent().toString(),
        "--allow-egress", "not a host!", action.toString());

    assertThat(code).isEqualTo(InterlockCli.EXIT_INPUT);
    assertThat(err.toString()).contains("--allow-egress");
  }
}
