package dev.interlock.acceptance;

import static dev.interlock.acceptance.Acceptance.action;
import static dev.interlock.acceptance.Acceptance.logs;
import static dev.interlock.acceptance.Acceptance.result;
import static dev.interlock.acceptance.Acceptance.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interlock.core.InvalidRequestException;
import dev.interlock.core.Problem;
import dev.interlock.core.execution.ErrorCode;
import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.execution.ExecutionStatus;
import dev.interlock.core.execution.ScriptError;
import dev.interlock.testkit.EngineFixture;
import dev.interlock.trigger.signuplogin.PostLoginEvent;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** How script failures are reported: which line, which name, which error code. */
class ScriptErrorsAcceptanceTest {
  private static final String LOGIN = "post-login";

  private final EngineFixture engine = Acceptance.engine();

  @AfterEach
  void close() {
    engine.close();
  }

  private ExecutionRecord runAlone(String name) {
    return run(engine, LOGIN, PostLoginEvent.builder().build(), action(LOGIN, name)).record();
  }

  @Test
  void pointsTheStackOfAThrownErrorAtTheAuthorsLine() {
    ExecutionRecord r = runAlone("throws-with-line");

    ScriptError error = result(r, "throws-with-line").error();
    assertThat(error.name()).isEqualTo("Error");
    assertThat(error.message()).isEqualTo("no region configured for auth0|65a4f1c2e1d2b3a4c5d6e7f8");
    assertThat(error.stack()).contains("throws-with-line:7");
  }

  @Test
  void pointsTheStackOfARuntimeTypeErrorAtTheAuthorsLine() {
    ExecutionRecord r = runAlone("reads-missing-property");

    ScriptError error = result(r, "reads-missing-property").error();
    assertThat(r.error().code()).isEqualTo(ErrorCode.ACTION_ERROR);
    assertThat(error.name()).isEqualTo("TypeError");
    assertThat(error.message()).contains("email");
    assertThat(error.stack()).contains("reads-missing-property:4");
  }

  @Test
  void namesTheActionAndTheErrorInTheExecutionMessage() {
    ExecutionRecord r = runAlone("reads-missing-property");

    assertThat(r.error().message()).startsWith("Action 'reads-missing-property' failed at line 4: TypeError: ");
    assertThat(r.error().actionName()).isEqualTo("reads-missing-property");
  }

  @Test
  void reportsAMissingHandlerAsALoadError() {
    ExecutionRecord r = runAlone("wrong-handler-name");

    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error().code()).isEqualTo(ErrorCode.ACTION_LOAD);
    assertThat(r.error().message()).contains("wrong-handler-name").contains("onExecutePostLogin");
  }

  @Test
  void reportsASyntaxErrorAsALoadErrorWithItsLine() {
    ExecutionRecord r = runAlone("syntax-error");

    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error().code()).isEqualTo(ErrorCode.ACTION_LOAD);
    assertThat(r.error().message()).contains("syntax-error").contains("3:31: Parse error. ')' expected");
  }

  /** The execution-record spec: "Messages name the action and, for script errors, the line in the user's source." */
  @Test
  void namesTheUsersLineInTheExecutionMessage() {
    ExecutionRecord r = runAlone("throws-with-line");

    assertThat(r.error().message()).contains("throws-with-line").containsPattern("(line 7|:7)");
  }

  @Test
  void reportsWhichNodeGlobalsTheRuntimeOffers() {
    ExecutionRecord r = runAlone("node-globals");

    assertThat(r.status()).isEqualTo(ExecutionStatus.COMPLETED);
    // Node 22 on Auth0 offers all of these.
    assertThat(logs(r, "node-globals"))
        .containsExactly("Buffer:function URL:function URLSearchParams:function TextEncoder:function "
            + "atob:function btoa:function fetch:function structuredClone:function");
  }

  @Test
  void encodesWithBufferAsNodeActionsDo() {
    ExecutionRecord r = runAlone("node-buffer");

    assertThat(r.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(r.results().get(0).commands().get(0).args().get(1)).asString().matches("[A-Za-z0-9+/]+=*");
  }

  @Test
  void refusesAHandlerThatIsNotAnAsyncFunction() {
    ExecutionRecord r = runAlone("sync-handler");

    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error().code()).isEqualTo(ErrorCode.ACTION_LOAD);
    assertThat(r.error().message()).contains("async");
  }

  @Test
  void reportsAThrownStringAsAnError() {
    ExecutionRecord r = runAlone("throws-string");

    assertThat(r.error().code()).isEqualTo(ErrorCode.ACTION_ERROR);
    assertThat(result(r, "throws-string").error().name()).isEqualTo("Error");
    assertThat(r.error().message()).contains("plain string for jane");
  }

  @Test
  void refusesAnArrowFunctionThatOnlyReturnsAPromise() {
    ExecutionRecord r = runAlone("rejects-object");

    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error().code()).isEqualTo(ErrorCode.ACTION_LOAD);
    assertThat(r.error().message()).contains("must be an async function");
  }

  @Test
  void refusesAnEventThatDoesNotFitTheTriggerBeforeRunningAnything() {
    Map<String, Object> event = PostLoginEvent.builder().user(u -> u.without("user_id")).without("client").build();

    assertThatThrownBy(() -> run(engine, LOGIN, event, action(LOGIN, "throws-with-line")))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.code()).isEqualTo("invalid_event");
          assertThat(e.problems()).extracting(Problem::path).contains("$.user.user_id", "$.client");
        });
  }
}
