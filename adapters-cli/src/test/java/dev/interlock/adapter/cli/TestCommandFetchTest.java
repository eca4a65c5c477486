package dev.interlock.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code interlock test} with stubbed fetch/axios responses, in process. */
class TestCommandFetchTest {
  private static final String PLAN_FROM_API = """
      exports.onExecutePostLogin = async (event, api) => {
        const res = await fetch('https://billing.example.com/plans/' + event.user.user_id);
        if (!res.ok) {
          api.access.deny('billing answered ' + res.status);
          return;
        }
        const body = await res.json();
        api.accessToken.setCustomClaim('https://example.com/plan', body.plan);
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
  void answersFetchAndAxiosFromJsonStubsAndChecksTheRequestsMade() throws IOException {
    file("plan.js", PLAN_FROM_API);
    file("plan-axios.js", """
        const axios = require('axios');
        exports.onExecutePostLogin = async (event, api) => {
          const { data } = await axios.post('https://billing.example.com/lookup', { id: event.user.user_id });
          api.accessToken.setCustomClaim('https://example.com/plan', data.plan);
        };
        """);
    Path tests = file("plan.test.json", """
        {"trigger": "post-login", "event": {"user": {"user_id": "u42"}},
         "fetch": [{"method": "POST", "url": "https://billing.example.com/lookup", "requestJson": {"id": "u42"},
                    "json": {"plan": "gold"}}],
         "cases": [
           {"name": "fetch", "action": "plan.js",
            "fetch": [{"url": "https://billing.example.com/plans/*", "json": {"plan": "pro"}, "times": 1}],
            "expect": {"commands": [{"name": "accessToken.setCustomClaim", "args": ["https://example.com/plan", "pro"]}],
                       "fetch": [{"method": "GET", "url": "https://billing.example.com/plans/u42"}]}},
           {"name": "axios", "action": "plan-axios.js",
            "expect": {"commands": [{"name": "accessToken.setCustomClaim", "args": ["https://example.com/plan", "gold"]}]}}
         ]}
        """);

    int code = interlock("test", tests.toString());

    assertThat(code).as(out + "\n" + err).isZero();
    assertThat(out.toString()).contains("✓ fetch").contains("✓ axios").endsWith("2 passed, 0 failed\n");
  }

  @Test
  void answersEveryHttpsRequestFromAnHttpsStarCatchAll() throws IOException {
    file("plan.js", PLAN_FROM_API);
    Path tests = file("plan.test.json", """
        {"trigger": "post-login", "action": "plan.js", "event": {"user": {"user_id": "u42?x=1&y=a/b"}},
         "fetch": [{"url": "https://*", "json": {"plan": "pro"}}],
         "cases": [{"name": "catch-all",
           "expect": {"commands": [{"name": "accessToken.setCustomClaim", "args": ["https://example.com/plan", "pro"]}],
                      "fetch": [{"url": "https://*"}]}}]}
        """);

    int code = interlock("test", tests.toString());

    assertThat(code).as(out + "\n" + err).isZero();
    assertThat(out.toString()).endsWith("1 passed, 0 failed\n");
  }

  @Test
  void runsActionsWithTheDependencyVersionsTheTestFileDeclares() throws IOException {
    // node-auth0 3 has management.getUser and resolves to the user itself; 4 has only
    // management.users.get, which resolves to {data, status, ...}
    file("user.js", """
        const { ManagementClient } = require('auth0');
        exports.onExecutePostLogin = async (event, api) => {
          const m = new ManagementClient({ domain: 'tenant.example.com', token: 't' });
          const result = await (m.getUser ? m.getUser({ id: 'u1' }) : m.users.get({ id: 'u1' }));
          api.accessToken.setCustomClaim('name', result.name ?? result.data.name + ' (v4)');
        };
        """);
    Path tests = file("user.test.json", """
        {"trigger": "post-login", "action": "user.js",
         "fetch": [{"url": "https://tenant.example.com/api/v2/users/u1", "json": {"name": "Ada"}}],
         "cases": [
           {"name": "v3", "dependencies": {"auth0": "3.7.2"},
            "expect": {"commands": [{"name": "accessToken.setCustomClaim", "args": ["name", "Ada"]}]}},
           {"name": "v4 by default",
            "expect": {"commands": [{"name": "accessToken.setCustomClaim", "args": ["name", "Ada (v4)"]}]}}
         ]}
        """);

    int code = interlock("test", tests.toString());

    assertThat(code).as(out + "\n" + err).isZero();
    assertThat(out.toString()).endsWith("2 passed, 0 failed\n");
  }

  @Test
  void runsTheStubbingExampleOfTheDocs() throws IOException {
    String docs = Files.readString(Path.of("../docs/cli.md"));
    String section = docs.substring(docs.indexOf("### Stubbing `fetch` and `axios`"));
    file("plan.js", block(section, "```js\n"));
    Path tests = file("plan.test.json", block(section, "```json\n"));

    int code = interlock("test", tests.toString());

    assertThat(code).as(out + "\n" + err).isZero();
    assertThat(out.toString()).endsWith("3 passed, 0 failed\n");
  }

  private static String block(String text, String fence) {
    int start = text.indexOf(fence) + fence.length();
    return text.substring(start, text.indexOf("```", start));
  }

  @Test
  void failsTheCaseOfARequestNoStubAnswersNamingMethodAndUrl() throws IOException {
    file("plan.js", PLAN_FROM_API);
    Path tests = file("plan.test.json", """
        {"trigger": "post-login", "action": "plan.js", "event": {"user": {"user_id": "u1"}},
         "fetch": [{"url": "https://billing.example.com/other", "json": {}}],
         "expect": {"status": "completed"}}
        """);

    int code = interlock("test", tests.toString());

    assertThat(code).isEqualTo(TestCommand.EXIT_FAILED);
    assertThat(out.toString())
        .contains("fetch: no stub for GET https://billing.example.com/plans/u1 (add one under \"fetch\"")
        .contains("status: expected completed, got failed")
        .contains("fetch failed: no stub for GET https://billing.example.com/plans/u1")
        .endsWith("0 passed, 1 failed\n");
  }

  @Test
  void answersWithStubbedStatusesNetworkErrorsAndDelays() throws IOException {
    file("plan.js", PLAN_FROM_API);
    file("careful.js", """
        exports.onExecutePostLogin = async (event, api) => {
          try {
            await fetch('https://billing.example.com/plans/u1');
          } catch (e) {
            console.log('lookup failed: ' + e.message);
          }
        };
        """);
    Path tests = file("plan.test.yaml", """
        trigger: post-login
        event: {user: {user_id: u1}}
        cases:
          - name: denies when billing is down
            action: plan.js
            fetch: [{url: "https://billing.example.com/plans/u1", status: 503, body: down, delayMs: 30}]
            expect:
              status: denied
              commands: [{name: access.deny, args: ["billing answered 503"]}]
          - name: logs a network failure
            action: careful.js
            fetch: [{url: "https://billing.example.com/*", error: connection refused}]
            expect:
              logs: ["lookup failed: fetch failed: connection refused"]
        """);

    int code = interlock("test", tests.toString());

    assertThat(code).as(out + "\n" + err).isZero();
    assertThat(out.toString()).endsWith("2 passed, 0 failed\n");
  }

  @Test
  void usesAStubOnlyItsTimesThenTheNextAndFailsWhenRequestsDifferFromExpectations() throws IOException {
    file("retry.js", """
        exports.onExecutePostLogin = async (event, api) => {
          let res = await fetch('https://billing.example.com/plans/u1');
          if (res.status === 503) {
            res = await fetch('https://billing.example.com/plans/u1');
          }
          api.accessToken.setCustomClaim('plan', (await res.json()).plan);
        };
        """);
    Path tests = file("retry.test.json", """
        {"trigger": "post-login", "action": "retry.js",
         "fetch": [{"url": "https://billing.example.com/plans/u1", "status": 503, "times": 1},
                   {"url": "https://billing.example.com/plans/u1", "json": {"plan": "pro"}, "times": 2}],
         "cases": [
           {"name": "retries once",
            "expect": {"commands": [{"name": "accessToken.setCustomClaim", "args": ["plan", "pro"]}],
                       "fetch": [{"url": "https://billing.example.com/plans/u1"}]}}
         ]}
        """);

    int code = interlock("test", tests.toString());

    assertThat(code).isEqualTo(TestCommand.EXIT_FAILED);
    assertThat(out.toString())
        .contains("fetch: the stub at $.fetch[1] (https://billing.example.com/plans/u1) answered 1 of its 2 requests")
        .contains("fetch: expected these requests in this order")
        .contains("+GET https://billing.example.com/plans/u1")
        .doesNotContain("commands:")
        .endsWith("0 passed, 1 failed\n");
  }

  @Test
  void masksSecretValuesInTheUrlsItReports() throws IOException {
    file("keyed.js", """
        exports.onExecutePostLogin = async (event, api) => {
          await fetch('https://billing.example.com/plans?key=' + event.secrets.API_KEY);
        };
        """);
    Path tests = file("keyed.test.json", """
        {"trigger": "post-login", "action": "keyed.js", "secrets": {"API_KEY": "s3cr3t-value"}}
        """);

    int code = interlock("test", tests.toString());

    assertThat(code).isEqualTo(TestCommand.EXIT_FAILED);
    assertThat(out.toString()).contains("no stub for GET https://billing.example.com/plans?key=<secret API_KEY>")
        .doesNotContain("s3cr3t-value");
  }

  @Test
  void sendsUnmatchedRequestsToTheNetworkUnderTheEgressPolicyWhenAllowed() throws IOException {
    file("local.js", """
        exports.onExecutePostLogin = async (event, api) => {
          try {
            await fetch('http://127.0.0.1:9/x');
          } catch (e) {
            console.log(e.message);
          }
        };
        """);
    Path tests = file("local.test.json", """
        {"trigger": "post-login", "action": "local.js", "expect": {"logs": ["denied"]}}
        """);

    int code = interlock("test", "--allow-network", tests.toString());

    assertThat(code).as(out + "\n" + err).isZero();
    assertThat(out.toString()).doesNotContain("no stub");
  }

  @Test
  void reportsEveryInvalidStubWithItsPathAsAnInputError() throws IOException {
    Path tests = file("bad.test.json", """
        {"trigger": "post-login", "action": "plan.js",
         "fetch": [{"url": "https://a.example.com/", "status": 700}],
         "cases": [
           {"fetch": [{"url": "ftp://a.example.com/"},
                      {"url": "https://a.example.com/", "json": {}, "body": "x"},
                      {"url": "https://a.example.com/", "error": "down", "status": 500},
                      {"url": "https://a.example.com/", "delayMs": -1, "respond": 1}],
            "expect": {"fetch": ["GET https://a.example.com/"]}}
         ]}
        """);

    int code = interlock("test", tests.toString());

    assertThat(code).isEqualTo(InterlockCli.EXIT_INPUT);
    assertThat(err.toString())
        .contains(tests + ": $.fetch[0].status: must be a whole number from 100 to 599, got 700")
        .contains(tests + ": $.cases[0].fetch[0].url: required, an absolute http:// or https:// URL")
        .contains("$.cases[0].fetch[1]: give either \"json\" or \"body\", not both")
        .contains("$.cases[0].fetch[2].status: a stub with \"error\" fails the request and has no status")
        .contains("$.cases[0].fetch[3].delayMs: must be a whole number from 0 to 600000, got -1")
        .contains("$.cases[0].fetch[3].respond: unknown field")
        .contains("$.cases[0].expect.fetch[0]: must be an object with a url");
  }
}
