package dev.interlock.adapter.rhino;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.execution.Command;
import dev.interlock.core.execution.ErrorCode;
import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.execution.ExecutionResult;
import dev.interlock.core.execution.ExecutionStatus;
import dev.interlock.core.execution.LogEntry;
import dev.interlock.core.trigger.ResumeRequest;
import dev.interlock.testkit.EngineFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Auth0-style actions as people write them, run end to end through the engine. */
class RealWorldActionsTest {
  private final EngineFixture engine = Scripts.engine();

  @AfterEach
  void close() {
    engine.close();
  }

  private ExecutionRecord run(String file) {
    return run(file, Map.of());
  }

  private ExecutionRecord run(String file, Map<String, String> secrets) {
    return Scripts.run(engine, Scripts.resource(file), secrets, Scripts.Events.login()).record();
  }

  private static List<String> logs(ExecutionRecord r) {
    return r.results().get(0).logs().stream().map(LogEntry::message).toList();
  }

  private static List<Command> commands(ExecutionRecord r, String name) {
    return r.commands().stream().filter(c -> c.name().equals(name)).toList();
  }

  private static Object claim(ExecutionRecord r, String name) {
    return commands(r, "accessToken.setCustomClaim").stream()
        .filter(c -> c.args().get(0).equals(name))
        .map(c -> c.args().get(1))
        .reduce((a, b) -> b)
        .orElse(null);
  }

  @Test
  void setsTheRolesClaimFromTheEvent() {
    ExecutionRecord r = run("add-roles-claim.js");

    assertThat(r.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(claim(r, "https://my-app.example.com/roles")).isEqualTo(List.of("admin"));
  }

  @Test
  void letsAVerifiedUserThrough() {
    ExecutionRecord r = run("deny-unverified-email.js");

    assertThat(r.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(logs(r)).containsExactly("user ada@example.com is verified");
  }

  @Test
  void deniesLoginFromABlockedCountryWithOptionalChaining() {
    ExecutionRecord r = run("deny-by-country.js");

    assertThat(r.status()).isEqualTo(ExecutionStatus.DENIED);
    assertThat(commands(r, "access.deny").get(0).args()).containsExactly("Logins from GB are not allowed");
  }

  @Test
  void readsSecretsWithDestructuringDefaults() {
    ExecutionRecord r = run("secrets-api-key.js", Map.of("API_KEY", "k-123"));

    assertThat(r.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(claim(r, "https://example.com/region")).isEqualTo("eu");
    assertThat(r.results().get(0).logs()).containsExactly(new LogEntry("info", "configured region eu"));
  }

  @Test
  void failsWithTheThrownErrorWhenASecretIsMissing() {
    ExecutionRecord r = run("missing-secret-throws.js");

    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error().code()).isEqualTo(ErrorCode.ACTION_ERROR);
    assertThat(r.results().get(0).error().name()).isEqualTo("Error");
    assertThat(r.results().get(0).error().message()).isEqualTo("SLACK_WEBHOOK is not configured");
    assertThat(r.results().get(0).error().stack()).contains("test-action:4");
  }

  @Test
  void recordsFirstSeenMetadataForReturningUsers() {
    ExecutionRecord r = run("first-login-metadata.js");

    assertThat(commands(r, "user.setAppMetadata").get(0).args()).containsExactly("first_seen", "1970-01-01T00:00:00.000Z");
  }

  @Test
  void chainsApiCallsAndToleratesMissingNamespaces() {
    ExecutionRecord r = run("org-claims.js");

    assertThat(r.status()).as(String.valueOf(r.results().get(0).error())).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(claim(r, "https://acme.example/org_id")).isEqualTo("org_1");
    assertThat(claim(r, "https://acme.example/org_name")).isEqualTo("ACME");
  }

  @Test
  void runsClassesWithSuperCalls() {
    ExecutionRecord r = run("class-based-policy.js");

    assertThat(logs(r)).containsExactly("AdminPolicy: allowed");
    assertThat(commands(r, "accessToken.addScope").get(0).args()).containsExactly("admin:all");
  }

  @Test
  void supportsObjectAndArrayRestAndSpread() {
    ExecutionRecord r = run("spread-and-rest.js");

    assertThat(claim(r, "https://x/meta")).isEqualTo(Map.of("plan", "pro", "source", "action"));
    assertThat(claim(r, "https://x/scopes")).isEqualTo(List.of("openid", "profile", "offline_access"));
    assertThat(claim(r, "https://x/max")).isEqualTo(9L);
    assertThat(claim(r, "https://x/roles")).isEqualTo(2L);
  }

  @Test
  void iteratesMapsWithForOfDestructuring() {
    ExecutionRecord r = run("for-of-destructuring.js");

    assertThat(claim(r, "https://x/email")).isEqualTo("ada@example.com");
    assertThat(claim(r, "https://x/name")).isEqualTo("Ada Lovelace");
    assertThat(logs(r)).containsExactly("con_1 auth0");
  }

  @Test
  void givesEachLoopIterationItsOwnLetBinding() {
    ExecutionRecord r = run("closures-in-loops.js");

    assertThat(claim(r, "https://x/loop")).isEqualTo(List.of(0L, 1L, 2L));
    assertThat(logs(r)).containsExactly("shadowed");
  }

  @Test
  void runsGenerators() {
    ExecutionRecord r = run("generators.js");

    assertThat(claim(r, "https://x/range")).isEqualTo(List.of(1L, 2L, 3L));
    assertThat(claim(r, "https://x/next")).isEqualTo(1L);
  }

  @Test
  void awaitsTimersAndPromiseAll() {
    ExecutionRecord r = run("await-chain.js");

    assertThat(claim(r, "https://x/tier")).isEqualTo("gold");
    assertThat(claim(r, "https://x/other")).isEqualTo(42L);
  }

  @Test
  void catchesAwaitedRejectionsAndRunsFinally() {
    ExecutionRecord r = run("try-catch-async.js");

    assertThat(r.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(r.results().get(0).logs())
        .containsExactly(new LogEntry("warn", "profile lookup failed: network down true"), new LogEntry("log", "done"));
  }

  @Test
  void reportsARejectionWithItsErrorNameAndUserLine() {
    ExecutionRecord r = run("rejects.js");

    assertThat(r.error().code()).isEqualTo(ErrorCode.ACTION_ERROR);
    assertThat(r.results().get(0).error().name()).isEqualTo("RangeError");
    assertThat(r.results().get(0).error().message()).isEqualTo("Domain not allowed for ada@example.com");
    assertThat(r.results().get(0).error().stack()).contains("test-action:5");
  }

  @Test
  void usesTheTriggerCacheThroughTheApi() {
    ExecutionRecord r = run("cache-token.js");

    assertThat(r.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(claim(r, "https://x/token")).isEqualTo("tok_abc");
    assertThat(commands(r, "cache.set")).hasSize(1);
  }

  @Test
  void returnsCacheErrorsAsValues() {
    ExecutionRecord r = run("cache-errors.js");

    assertThat(logs(r)).containsExactly("error CacheKeySizeExceeded", "undefined");
  }

  @Test
  void showsTransactionMetadataInTheEventAtOnce() {
    ExecutionRecord r = run("transaction-metadata.js");

    assertThat(logs(r)).containsExactly("risk=low score=12", "after delete {\"score\":12}");
  }

  @Test
  void suspendsOnRedirectAndResumesInOnContinue() {
    ExecutionResult first = Scripts.run(engine, Scripts.resource("redirect-and-continue.js"), Map.of(), Scripts.Events.login());
    assertThat(first.record().status()).isEqualTo(ExecutionStatus.SUSPENDED);
    assertThat(first.record().continuation().redirectUrl()).startsWith("https://consent.example.com/start");

    ExecutionResult resumed =
        engine.resume(first.record().id().value(), ResumeRequest.of(Map.of("answer", "yes"), Map.of()));

    assertThat(resumed.record().status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(resumed.record().commands())
        .extracting(Command::name)
        .containsExactly("redirect.sendUserTo", "user.setAppMetadata");
  }

  @Test
  void acceptsHandlersExportedThroughModuleExports() {
    ExecutionRecord r = run("module-exports-object.js");

    assertThat(commands(r, "accessToken.addScope").get(0).args()).containsExactly("read:reports");
  }

  @Test
  void acceptsNamedAsyncFunctionExpressions() {
    ExecutionRecord r = run("async-function-declaration.js");

    assertThat(claim(r, "https://x/internal")).isEqualTo(true);
  }

  @Test
  void formatsConsoleOutputLikeNode() {
    ExecutionRecord r = run("console-formatting.js");

    List<LogEntry> logs = r.results().get(0).logs();
    assertThat(logs.get(0)).isEqualTo(new LogEntry("log", "user Ada Lovelace has 7 logins"));
    assertThat(logs.get(1).message()).isEqualTo("{ id: 'auth0|123', nested: { deep: { deeper: [Object] } } }");
    assertThat(logs.get(2).level()).isEqualTo("error");
    assertThat(logs.get(2).message()).startsWith("Error: visible error");
    assertThat(logs.get(3)).isEqualTo(new LogEntry("debug", "[ 1, 'two', null, undefined ]"));
    assertThat(logs.get(4)).isEqualTo(new LogEntry("warn", "plain 3 true"));
  }

  @Test
  void runsTopLevelCodeAfreshForEachExecution() {
    ExecutionRecord first = run("top-level-helpers.js");
    ExecutionRecord second = run("top-level-helpers.js");

    assertThat(claim(first, "https://x/calls")).isEqualTo(1L);
    assertThat(claim(second, "https://x/calls")).isEqualTo(1L);
  }

  @Test
  void convertsJsonAndDates() {
    ExecutionRecord r = run("json-and-dates.js");

    assertThat(commands(r, "user.setAppMetadata").get(0).args().get(1))
        .isEqualTo(Map.of("roles", List.of("admin", "editor"), "plan", "pro", "checked", true));
    assertThat(claim(r, "https://x/expires")).isEqualTo(2030L);
  }

  @Test
  void supportsModernArrayAndObjectHelpers() {
    ExecutionRecord r = run("array-helpers.js");

    assertThat(claim(r, "https://x/upper")).isEqualTo(List.of("ADMIN", "EDITOR"));
    assertThat(claim(r, "https://x/has")).isEqualTo(true);
    assertThat(claim(r, "https://x/found")).isEqualTo("admin");
    assertThat(claim(r, "https://x/entries")).isEqualTo(Map.of("admin", 0L, "editor", 1L));
  }

  @Test
  void letsScriptsCatchApiErrorsByName() {
    ExecutionRecord r = run("api-type-error-caught.js");

    assertThat(r.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(logs(r)).containsExactly("TypeError: cannot set the reserved claim 'scope' true", "TypeError");
  }

  @Test
  void failsWithTheApiErrorWhenNotCaught() {
    ExecutionRecord r = run("api-error-uncaught.js");

    assertThat(r.error().code()).isEqualTo(ErrorCode.ACTION_ERROR);
    assertThat(r.results().get(0).error().name()).isEqualTo("TypeError");
    assertThat(r.results().get(0).error().message()).contains("reserved claim");
  }

  @Test
  void keepsEventWritesPrivateToTheScript() {
    Map<String, Object> event = Scripts.Events.login();

    ExecutionRecord r = Scripts.run(engine, Scripts.resource("event-mutation-private.js"), Map.of(), event).record();

    assertThat(claim(r, "https://x/email")).isEqualTo("changed@evil.example");
    assertThat(event).containsKey("client");
    assertThat(((Map<?, ?>) event.get("user")).get("email")).isEqualTo("ada@example.com");
  }

  @Test
  void runsTimersByDueTimeAfterMicrotasks() {
    ExecutionRecord r = run("set-timeout-ordering.js");

    assertThat(claim(r, "https://x/order")).isEqualTo(List.of("microtask", "fast", "slow"));
  }

  @Test
  void supportsRegexDestructuringAndStringHelpers() {
    ExecutionRecord r = run("regex-and-strings.js");

    assertThat(claim(r, "https://x/masked")).isEqualTo("a***@example.com");
    assertThat(claim(r, "https://x/padded")).isEqualTo("0007");
    assertThat(claim(r, "https://x/title")).isEqualTo("Hello World");
  }

  @Test
  void supportsLogicalAssignment() {
    ExecutionRecord r = run("nullish-assignment.js");

    assertThat(claim(r, "https://x/settings"))
        .isEqualTo(Map.of("theme", "dark", "lang", "en", "count", 5L, "label", "Ada Lovelace"));
  }

  @Test
  void rejectsAPlainFunctionHandlerWithTheAuth0Advice() {
    ExecutionRecord r = run("not-async-handler.js");

    assertThat(r.error().code()).isEqualTo(ErrorCode.ACTION_LOAD);
    assertThat(r.error().message()).contains("exports.onExecutePostLogin = async function(event, api) {}").contains("1:");
  }

  @Test
  void failsToLoadWhenTheHandlerIsMissing() {
    ExecutionRecord r = run("missing-handler.js");

    assertThat(r.error().code()).isEqualTo(ErrorCode.ACTION_LOAD);
    assertThat(r.results().get(0).error().message()).contains("onExecutePostLogin");
  }

  @Test
  void failsEveryRunWithActionLoadWhenTopLevelCodeThrows() {
    ExecutionRecord first = run("top-level-throw.js");
    ExecutionRecord second = run("top-level-throw.js");

    assertThat(first.error().code()).isEqualTo(ErrorCode.ACTION_LOAD);
    assertThat(second.error().code()).isEqualTo(ErrorCode.ACTION_LOAD);
    assertThat(first.results().get(0).error().name()).isEqualTo("SyntaxError");
  }
}
