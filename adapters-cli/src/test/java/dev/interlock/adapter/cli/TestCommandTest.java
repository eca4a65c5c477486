package dev.interlock.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCommandTest {
  private static final String DENY_BLOCKED = """
      exports.onExecutePostLogin = async (event, api) => {
        if (event.user.app_metadata.blocked) {
          console.log('blocking ' + event.user.user_id);
          api.access.deny('blocked');
        }
        api.accessToken.setCustomClaim('https://example.com/plan', event.secrets.PLAN);
      };
      """;

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int interlock(String... args) {
    return InterlockCli.commandLine(CliOutput.capture(out, err)).execute(args);
  }

  private Path file(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void passesCasesWhoseExpectationsHoldOverTheExampleEvent() throws IOException {
    file("deny.js", DENY_BLOCKED);
    Path tests = file("deny.test.json", """
        {"trigger": "post-login", "action": "deny.js", "secrets": {"PLAN": "pro"},
         "cases": [
           {"name": "denies a blocked user", "event": {"user": {"app_metadata": {"blocked": true}}},
            "expect": {"status": "denied", "commands": [{"name": "access.deny", "args": ["blocked"]}],
                       "logs": ["blocking"]}},
           {"name": "sets the plan claim",
            "expect": {"status": "completed",
                       "commands": [{"name": "accessToken.setCustomClaim", "args": ["https://example.com/plan", "pro"]}]}}
         ]}
        """);

    int code = interlock("test", tests.toString());

    assertThat(code).as(out + "\n" + err).isZero();
    assertThat(out.toString()).contains("✓ denies a blocked user").contains("✓ sets the plan claim")
        .endsWith("2 passed, 0 failed\n");
  }

  @Test
  void failsACaseWithADiffAndWritesAJunitReport() throws IOException {
    file("deny.js", DENY_BLOCKED);
    Path tests = file("deny.test.json", """
        {"trigger": "post-login", "action": "deny.js", "secrets": {"PLAN": "pro"},
         "cases": [
           {"name": "expects the wrong plan",
            "expect": {"commands": [{"name": "accessToken.setCustomClaim", "args": ["https://example.com/plan", "free"]}]}},
           {"name": "passes", "expect": {"status": "completed"}}
         ]}
        """);
    Path report = dir.resolve("report.xml");

    int code = interlock("test", dir.toString(), "--junit-xml", report.toString());

    assertThat(code).isEqualTo(TestCommand.EXIT_FAILED);
    assertThat(out.toString()).contains("✗ expects the wrong plan").contains("-  \"args\" : [ \"https://example.com/plan\", \"free\" ]")
        .contains("+  \"args\" : [ \"https://example.com/plan\", \"pro\" ]").endsWith("1 passed, 1 failed\n");
    assertThat(Files.readString(report)).contains("<testsuites tests=\"2\" failures=\"1\">")
        .contains("<testcase classname=\"" + tests + "\" name=\"passes\"")
        .contains("<failure message=\"commands: expected these commands");
  }

  @Test
  void failsOnAnUnexpectedStatusAndOutcome() throws IOException {
    file("deny.js", DENY_BLOCKED);
    Path tests = file("one.test.json", """
        {"name": "single", "trigger": "post-login", "action": "deny.js",
         "event": {"user": {"app_metadata": {"blocked": true}}},
         "expect": {"status": "completed", "outcome": {"access": {"denied": false}}}}
        """);

    int code = interlock("test", tests.toString());

    assertThat(code).isEqualTo(TestCommand.EXIT_FAILED);
    assertThat(out.toString()).contains("status: expected completed, got denied").contains("outcome:")
        .endsWith("0 passed, 1 failed\n");
  }

  @Test
  void reportsAnInvalidTestFileAsAnInputError() throws IOException {
    Path tests = file("bad.test.json", "{\"trigger\": \"post-login\", \"cases\": [{}]}");

    int code = interlock("test", tests.toString());

    assertThat(code).isEqualTo(InterlockCli.EXIT_INPUT);
    assertThat(err.toString()).contains("$.cases[0].action");
  }

  @Test
  void runsTheDocumentedExample() {
    int code = interlock("test", "../examples/tests");

    assertThat(code).as(out.toString()).isZero();
    assertThat(out.toString()).contains("deny-unverified.test.yaml").contains("sync-plan.test.json")
        .endsWith("8 passed, 0 failed\n");
  }
}
