package dev.interlock.acceptance;

import static dev.interlock.acceptance.Acceptance.action;
import static dev.interlock.acceptance.Acceptance.at;
import static dev.interlock.acceptance.Acceptance.commandNames;
import static dev.interlock.acceptance.Acceptance.json;
import static dev.interlock.acceptance.Acceptance.logs;
import static dev.interlock.acceptance.Acceptance.result;
import static dev.interlock.acceptance.Acceptance.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.execution.ActionStatus;
import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.execution.ExecutionStatus;
import dev.interlock.core.trigger.ResumeRequest;
import dev.interlock.testkit.EngineFixture;
import dev.interlock.trigger.signuplogin.PostLoginEvent;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** post-login flow rules that mix several calls: stop versus suspend, MFA limits, recorded methods, concurrency. */
class PostLoginFlowRulesAcceptanceTest {
  private static final String TRIGGER = "post-login";

  private final EngineFixture engine = Acceptance.engine();

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void letsADenyWinOverARedirectInTheSameAction() {
    ExecutionRecord r = run(engine, TRIGGER, PostLoginEvent.builder().build(), action(TRIGGER, "deny-then-redirect")).record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.DENIED);
    assertThat(r.continuation()).isNull();
    assertThat(commandNames(r, "deny-then-redirect")).containsExactly("access.deny", "redirect.sendUserTo");
    assertThat(at(r.outcome(), "access", "reason")).isEqualTo("blocked");
  }

  @Test
  void replacesTheQueryAndStateOfTheRedirectUrlAndRecordsACustomMethodOnContinue() {
    ExecutionRecord suspended =
        run(engine, TRIGGER, PostLoginEvent.builder().build(), action(TRIGGER, "redirect-keeps-own-query"), action(TRIGGER, "reads-methods"))
            .record();
    String state = suspended.continuation().state();
    String query = URI.create(suspended.continuation().redirectUrl()).getRawQuery();

    assertThat(query.split("&"))
        .containsExactlyInAnyOrder("state=" + state, "step=2", "lang=de", "user=auth0%7C65a4f1c2e1d2b3a4c5d6e7f8");

    ExecutionRecord r =
        engine.resume(state, ResumeRequest.of(json("state", state, "outcome", "approved"), json())).record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(logs(r, "redirect-keeps-own-query"))
        .containsExactly("back with outcome=approved, state present: true, ip=203.0.113.10, host=login.example.com");
    assertThat(logs(r, "reads-methods")).containsExactly("methods: pwd, https://kyc.example.com/verified");
    assertThat((List<?>) at(r.outcome(), "authentication", "recorded_methods")).hasSize(1);
  }

  @Test
  void allowsAtMostFourMfaCommandsPerFlow() {
    ExecutionRecord r = run(engine, TRIGGER, PostLoginEvent.builder().build(), action(TRIGGER, "five-challenges")).record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.SUSPENDED);
    assertThat(result(r, "five-challenges").commands()).hasSize(4);
    assertThat(logs(r, "five-challenges")).singleElement().asString().startsWith("challenge 5 refused: ");
  }

  @Test
  void revokesTheSessionOfARiskyLoginAndStopsTheFlow() {
    Map<String, Object> event =
        PostLoginEvent.builder()
            .set("authentication", json(
                "methods", List.of(json("name", "pwd", "timestamp", "2024-06-01T10:00:00.000Z")),
                "riskAssessment", json("confidence", "low", "version", "1", "assessments", json())))
            .build();

    ExecutionRecord r =
        run(engine, TRIGGER, event, action(TRIGGER, "revoke-session"), action(TRIGGER, "add-greeting-claim")).record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.DENIED);
    assertThat(result(r, "add-greeting-claim").status()).isEqualTo(ActionStatus.SKIPPED);
    assertThat(at(r.outcome(), "session", "revoked"))
        .isEqualTo(Map.of("reason", "risky login", "preserve_refresh_tokens", true));
  }

  @Test
  void enforcesTheTotalCacheSizeAcrossEntries() {
    ExecutionRecord r = run(engine, TRIGGER, PostLoginEvent.builder().build(), action(TRIGGER, "cache-fill")).record();

    assertThat(logs(r, "cache-fill")).containsExactly("ok,ok,CacheSizeExceeded");
  }

  @Test
  void keepsConcurrentLoginsApart() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<CompletableFuture<ExecutionRecord>> runs = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        String id = "auth0|user-" + i;
        Map<String, Object> event = PostLoginEvent.builder().user(u -> u.userId(id).email(id.substring(6) + "@example.com")).build();
        runs.add(CompletableFuture.supplyAsync(() -> run(engine, TRIGGER, event, action(TRIGGER, "user-claims")).record(), pool));
      }

      for (int i = 0; i < runs.size(); i++) {
        ExecutionRecord r = runs.get(i).get();
        assertThat(r.status()).isEqualTo(ExecutionStatus.COMPLETED);
        assertThat(at(r.outcome(), "access_token", "custom_claims", "https://example.com/uid")).isEqualTo("auth0|user-" + i);
        assertThat(at(r.outcome(), "id_token", "custom_claims", "https://example.com/email")).isEqualTo("user-" + i + "@example.com");
        assertThat(logs(r, "user-claims")).containsExactly("claims for auth0|user-" + i);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void redirectsAgainFromOnContinueAndShowsTheFinalMetadataToTheNextAction() {
    ExecutionRecord first =
        run(engine, TRIGGER, PostLoginEvent.builder().build(), action(TRIGGER, "two-redirects"), action(TRIGGER, "read-kyc")).record();
    String state = first.continuation().state();

    ExecutionRecord second = engine.resume(state, ResumeRequest.of(json("state", state, "step", "document"), json())).record();

    assertThat(second.status()).isEqualTo(ExecutionStatus.SUSPENDED);
    assertThat(second.continuation().redirectUrl()).startsWith("https://kyc.example.com/selfie?state=");
    assertThat(second.continuation().resumeHandler()).isEqualTo("onContinuePostLogin");
    String again = second.continuation().state();

    ExecutionRecord done = engine.resume(again, ResumeRequest.of(json("state", again, "step", "selfie"), json())).record();

    assertThat(done.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(done.id()).isEqualTo(first.id());
    assertThat(commandNames(done, "two-redirects"))
        .containsExactly("user.setUserMetadata", "redirect.sendUserTo", "redirect.sendUserTo", "user.setUserMetadata");
    assertThat(logs(done, "read-kyc")).containsExactly("kyc_step=done");
    assertThat(at(done.outcome(), "user", "user_metadata")).isEqualTo(Map.of("kyc_step", "done"));
  }
}
