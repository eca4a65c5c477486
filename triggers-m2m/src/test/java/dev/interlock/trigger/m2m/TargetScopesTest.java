package dev.interlock.trigger.m2m;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interlock.core.execution.ExecutionStatus;
import dev.interlock.core.trigger.ApiCallException;
import dev.interlock.testkit.EngineFixture;
import dev.interlock.testkit.JavaStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TargetScopesTest {
  private final EngineFixture engine = EngineFixture.of(new MachineToMachineFamily());
  private final Map<String, Object> event =
      CredentialsExchangeEvent.builder().targetScopes("read:invoices", "write:invoices").build();

  @AfterEach
  void close() {
    engine.close();
  }

  private static Object targetScopes(Map<String, Object> e) {
    return ((Map<?, ?>) e.get("transaction")).get("target_scopes");
  }

  @Test
  void addTargetScopeShowsAtOnceInTheEventAndInLaterActions() {
    AtomicReference<Object> sameAction = new AtomicReference<>();
    AtomicReference<Object> nextAction = new AtomicReference<>();

    var record =
        engine.run(
            "credentials-exchange",
            event,
            JavaStep.of("add", (e, api) -> {
              Object returned = api.call("transaction.addTargetScope", "  export:invoices ");
              assertThat(returned).isNull();
              sameAction.set(targetScopes(e));
            }),
            JavaStep.of("look", (e, api) -> nextAction.set(targetScopes(e))));

    List<String> expected = List.of("read:invoices", "write:invoices", "export:invoices");
    assertThat(sameAction.get()).isEqualTo(expected);
    assertThat(nextAction.get()).isEqualTo(expected);
    assertThat(record.outcome().get("target_scopes")).isEqualTo(expected);
  }

  @Test
  void startsFromTheGrantedScopesWhenTheEventHasNoTargetSet() {
    AtomicReference<Object> seen = new AtomicReference<>();

    engine.run(
        "credentials-exchange",
        CredentialsExchangeEvent.builder().grantedScopes("a", "b").build(),
        JavaStep.of("add", (e, api) -> {
          api.call("transaction.addTargetScope", "c");
          seen.set(targetScopes(e));
        }));

    assertThat(seen.get()).isEqualTo(List.of("a", "b", "c"));
  }

  @Test
  void removeTargetScopeDropsTheScopeAndIgnoresAbsentOnes() {
    var record =
        engine.run(
            "credentials-exchange",
            event,
            JavaStep.of("remove", (e, api) -> {
              api.call("transaction.removeTargetScope", "write:invoices");
              api.call("transaction.removeTargetScope", "never:granted");
            }));

    assertThat(record.outcome().get("target_scopes")).isEqualTo(List.of("read:invoices"));
  }

  @Test
  void setTargetScopesReplacesTheSetTrimmedAndDeduplicated() {
    AtomicReference<Object> seen = new AtomicReference<>();

    var record =
        engine.run(
            "credentials-exchange",
            event,
            JavaStep.of("set", (e, api) -> {
              api.call("transaction.setTargetScopes", List.of("b", " a", "b "));
              seen.set(targetScopes(e));
            }));

    assertThat(seen.get()).isEqualTo(List.of("b", "a"));
    assertThat(record.outcome().get("target_scopes")).isEqualTo(List.of("b", "a"));
  }

  @Test
  void setTargetScopesWithAnEmptyArrayAndClearTargetScopesEmptyTheSet() {
    AtomicReference<Object> afterSet = new AtomicReference<>();

    var record =
        engine.run(
            "credentials-exchange",
            event,
            JavaStep.of("set", (e, api) -> {
              api.call("transaction.setTargetScopes", List.of());
              afterSet.set(targetScopes(e));
              api.call("transaction.addTargetScope", "x");
            }),
            JavaStep.of("clear", (e, api) -> assertThat(api.call("transaction.clearTargetScopes")).isNull()));

    assertThat(afterSet.get()).isEqualTo(List.of());
    assertThat(record.outcome().get("target_scopes")).isEqualTo(List.of());
  }

  @Test
  void leavesTargetScopesOutOfTheOutcomeWhenNoActionTouchedThem() {
    var record = engine.run("credentials-exchange", event, JavaStep.of("noop", (e, api) -> {}));

    assertThat(record.outcome()).doesNotContainKey("target_scopes");
  }

  @Test
  void rejectsEmptyTooLongAndWhiteSpaceScopes() {
    var record =
        engine.run(
            "credentials-exchange",
            event,
            JavaStep.of("bad", (e, api) -> {
              assertThatThrownBy(() -> api.call("transaction.addTargetScope", "   ")).hasMessageContaining("scope must not be empty");
              assertThatThrownBy(() -> api.call("transaction.addTargetScope", "x".repeat(281)))
                  .hasMessageContaining("281 characters long, more than the maximum of 280");
              assertThatThrownBy(() -> api.call("transaction.removeTargetScope", "read write"))
                  .hasMessageContaining("must not contain white space");
              assertThatThrownBy(() -> api.call("transaction.setTargetScopes", List.of("ok", 3)))
                  .isInstanceOfSatisfying(ApiCallException.class, x -> assertThat(x.errorName()).isEqualTo("TypeError"))
                  .hasMessageContaining("scopes[1] must be a string, got number");
              assertThatThrownBy(() -> api.call("transaction.setTargetScopes", "read"))
                  .hasMessageContaining("scopes must be an array");
            }));

    assertThat(record.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(record.commands()).isEmpty();
    assertThat(record.outcome()).doesNotContainKey("target_scopes");
  }

  @Test
  void capsTheSetAtOneThousandScopes() {
    List<Object> many = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      many.add("s" + i);
    }
    List<Object> tooMany = new ArrayList<>(many);
    tooMany.add("one-more");

    engine.run(
        "credentials-exchange",
        event,
        JavaStep.of("many", (e, api) -> {
          assertThatThrownBy(() -> api.call("transaction.setTargetScopes", tooMany)).hasMessageContaining("1001 distinct scopes");
          api.call("transaction.setTargetScopes", many);
          api.call("transaction.addTargetScope", "s5");
          assertThatThrownBy(() -> api.call("transaction.addTargetScope", "one-more"))
              .hasMessageContaining("maximum of 1000 scopes");
        }));
  }
}
