package dev.interlock.trigger.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interlock.core.InvalidRequestException;
import dev.interlock.core.Problem;
import dev.interlock.core.execution.ExecutionResult;
import dev.interlock.core.execution.ExecutionStatus;
import dev.interlock.core.trigger.ApiCallException;
import dev.interlock.core.trigger.TriggerCatalog;
import dev.interlock.core.trigger.TriggerId;
import dev.interlock.core.trigger.TriggerMode;
import dev.interlock.testkit.EngineFixture;
import dev.interlock.testkit.JavaStep;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PostChangePasswordTest {
  private final EngineFixture engine = EngineFixture.of(new PasswordFamily());
  private final Map<String, Object> event = PostChangePasswordEvent.builder().build();

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void isAnAsyncTriggerWithOnlyTheCacheApi() {
    var trigger = TriggerCatalog.of(TriggerCatalog.discoverFamilies(getClass().getClassLoader()))
        .require(TriggerId.of("post-change-password"));

    assertThat(trigger.mode()).isEqualTo(TriggerMode.ASYNC);
    assertThat(trigger.handler()).isEqualTo("onExecutePostChangePassword");
    assertThat(trigger.resumeHandlerName()).isEmpty();
    assertThat(trigger.api().namespaces()).containsExactly("cache");
  }

  @Test
  void acceptsTheFlowAtOnceAndRunsItInTheBackground() throws Exception {
    engine.deployAndBind("post-change-password", JavaStep.of("notify", (e, api) -> {}));

    ExecutionResult accepted = engine.execute("post-change-password", event);
    ExecutionResult finished =
        engine.interlock().executor().submit(TriggerId.of("post-change-password"), event).toCompletableFuture().get(10, TimeUnit.SECONDS);

    assertThat(accepted).isInstanceOf(ExecutionResult.Pending.class);
    assertThat(finished.record().status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(finished.outcome()).isEqualTo(Map.of("password_change", "committed", "completed_actions", List.of("notify")));
  }

  @Test
  void recordsAFailingActionWithoutUndoingTheChange() {
    var record = engine.run("post-change-password", event,
        JavaStep.of("notify", (e, api) -> {
          throw new IllegalStateException("mail relay refused");
        }));

    assertThat(record.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(record.error().message()).contains("mail relay refused");
    assertThat(record.outcome()).isEqualTo(Map.of("password_change", "committed", "completed_actions", List.of()));
  }

  @Test
  void givesTheActionTheReducedUserAndConnection() {
    AtomicReference<Map<String, Object>> seen = new AtomicReference<>();

    engine.run("post-change-password", PostChangePasswordEvent.builder().user("auth0|7", "ana@example.com").build(),
        JavaStep.of("look", (e, api) -> seen.set(e)));

    assertThat(Handlers.obj(seen.get().get("user"))).containsEntry("user_id", "auth0|7").containsEntry("email", "ana@example.com")
        .doesNotContainKey("app_metadata");
    assertThat(Handlers.obj(seen.get().get("connection"))).containsEntry("strategy", "auth0");
  }

  @Test
  void rejectsAnEventThatDoesNotFitTheContractListingEveryPath() {
    Map<String, Object> bad = PostChangePasswordEvent.builder()
        .without("connection")
        .with("user", Map.of("email_verified", "yes"))
        .with("request", Map.of("ip", "1.2.3.4"))
        .build();

    assertThatThrownBy(() -> engine.run("post-change-password", bad))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.code()).isEqualTo("invalid_event");
          assertThat(e.problems()).extracting(Problem::path)
              .containsExactlyInAnyOrder("$.connection", "$.user.email_verified", "$.request.method");
        });
  }

  @Test
  void cachesValuesForLaterActions() {
    AtomicReference<Object> read = new AtomicReference<>();

    engine.run("post-change-password", event,
        JavaStep.of("a", (e, api) -> api.call("cache.set", "k", "v")),
        JavaStep.of("b", (e, api) -> read.set(api.call("cache.get", "k"))));

    assertThat(Handlers.obj(read.get())).containsEntry("value", "v");
  }

  @Test
  void offersNoWayToDenyTheCommittedChange() {
    AtomicReference<ApiCallException> thrown = new AtomicReference<>();

    var record = engine.run("post-change-password", event, JavaStep.of("a", (e, api) -> {
      try {
        api.call("access.deny", "too late");
      } catch (ApiCallException x) {
        thrown.set(x);
        throw x;
      }
    }));

    assertThat(thrown.get().errorName()).isEqualTo("TypeError");
    assertThat(thrown.get().getMessage()).isEqualTo("api.access.deny is not a function");
    assertThat(record.status()).isEqualTo(ExecutionStatus.FAILED);
  }
}
