package dev.interlock.core.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interlock.core.ConflictException;
import dev.interlock.core.NotFoundException;
import dev.interlock.core.execution.ActionStatus;
import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.execution.ExecutionResult;
import dev.interlock.core.execution.ExecutionStatus;
import dev.interlock.core.javaaction.JavaAction;
import dev.interlock.core.javaaction.JavaApi;
import dev.interlock.core.trigger.ResumeRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SuspensionTest {
  private final FlowHarness h = new FlowHarness();
  private final List<String> calls = new ArrayList<>();

  @AfterEach
  void close() {
    h.close();
  }

  private JavaAction redirecting() {
    return new JavaAction() {
      @Override
      public void onExecute(Map<String, Object> event, JavaApi api) {
        calls.add("redirect:execute");
        api.call("transaction.setMetadata", "step", "sent");
        api.call("redirect.sendUserTo", "https://idv.example.com/start");
      }

      @Override
      public void onContinue(Map<String, Object> event, JavaApi api) {
        calls.add("redirect:continue:" + api.call("resume.parameter", "result")
            + ":" + ((Map<?, ?>) ((Map<?, ?>) event.get("transaction")).get("metadata")).get("step"));
        api.call("claims.set", "verified", true);
      }
    };
  }

  @Test
  void aRedirectSuspendsTheFlowWithAContinuation() {
    h.bind(TestFamily.LOGIN, "before", (e, api) -> calls.add("before"))
        .bind(TestFamily.LOGIN, "redirect", redirecting())
        .bind(TestFamily.LOGIN, "after", (e, api) -> calls.add("after"));

    ExecutionResult result = h.login(FlowHarness.event());

    assertThat(result).isInstanceOf(ExecutionResult.Suspended.class);
    ExecutionRecord r = result.record();
    assertThat(r.continuation().state()).startsWith("state_");
    assertThat(r.continuation().redirectUrl()).isEqualTo("https://idv.example.com/start?state=" + r.continuation().state());
    assertThat(r.continuation().resumeHandler()).isEqualTo("onContinueTestLogin");
    assertThat(r.results()).extracting(x -> x.status())
        .containsExactly(ActionStatus.COMPLETED, ActionStatus.SUSPENDED, ActionStatus.SKIPPED);
    assertThat(calls).containsExactly("before", "redirect:execute");
  }

  @Test
  void resumingRunsTheSameActionsResumeHandlerThenTheRestWithoutRerunningEarlierActions() {
    h.bind(TestFamily.LOGIN, "before", (e, api) -> calls.add("before"))
        .bind(TestFamily.LOGIN, "redirect", redirecting())
        .bind(TestFamily.LOGIN, "after", (e, api) -> calls.add("after"));
    ExecutionRecord suspended = h.login(FlowHarness.event()).record();

    ExecutionRecord r =
        h.interlock.executor()
            .resume(suspended.continuation().state(), ResumeRequest.of(Map.of("result", "ok"), Map.of()))
            .record();

    assertThat(calls).containsExactly("before", "redirect:execute", "redirect:continue:ok:sent", "after");
    assertThat(r.id()).isEqualTo(suspended.id());
    assertThat(r.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(r.results().get(1).handler()).isEqualTo("onContinueTestLogin");
    assertThat(r.results().get(1).commands()).extracting(c -> c.name())
        .containsExactly("transaction.setMetadata", "redirect.sendUserTo", "claims.set");
    assertThat(r.outcome()).isEqualTo(Map.of("claims", Map.of("verified", true)));
  }

  @Test
  void anMfaChallengeResumesWithTheNextAction() {
    h.bind(TestFamily.LOGIN, "challenge", (e, api) -> {
          calls.add("challenge");
          api.call("mfa.challenge", "otp");
        })
        .bind(TestFamily.LOGIN, "after", (e, api) -> calls.add("after"));
    ExecutionRecord suspended = h.login(FlowHarness.event()).record();
    assertThat(suspended.continuation().resumeHandler()).isNull();

    ExecutionRecord r = h.interlock.executor().resume(suspended.id().value(), ResumeRequest.of(Map.of(), Map.of())).record();

    assertThat(calls).containsExactly("challenge", "after");
    assertThat(r.results()).extracting(x -> x.status()).containsExactly(ActionStatus.COMPLETED, ActionStatus.COMPLETED);
  }

  @Test
  void aFinishedExecutionCannotBeResumedAgain() {
    h.bind(TestFamily.LOGIN, "redirect", redirecting());
    String state = h.login(FlowHarness.event()).record().continuation().state();
    h.interlock.executor().resume(state, ResumeRequest.of(Map.of(), Map.of()));

    assertThatThrownBy(() -> h.interlock.executor().resume(state, ResumeRequest.of(Map.of(), Map.of())))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void resumingByIdAnExecutionThatIsNotSuspendedIsAConflict() {
    h.bind(TestFamily.LOGIN, "plain", (e, api) -> {});
    String id = h.login(FlowHarness.event()).record().id().value();

    assertThatThrownBy(() -> h.interlock.executor().resume(id, ResumeRequest.of(Map.of(), Map.of())))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("completed");
  }
}
