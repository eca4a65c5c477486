package dev.interlock.acceptance;

import static dev.interlock.acceptance.Acceptance.action;
import static dev.interlock.acceptance.Acceptance.commandNames;
import static dev.interlock.acceptance.Acceptance.logs;
import static dev.interlock.acceptance.Acceptance.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.execution.ExecutionStatus;
import dev.interlock.testkit.EngineFixture;
import dev.interlock.trigger.signuplogin.PostLoginEvent;
import dev.interlock.trigger.signuplogin.PreUserRegistrationEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** api.cache as scripts use it: shared within a flow, across executions of a trigger, errors returned. */
class CacheAcceptanceTest {
  private static final String LOGIN = "post-login";

  private final EngineFixture engine = Acceptance.engine();

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void sharesACachedValueWithALaterActionOfTheSameFlow() {
    ExecutionRecord r =
        run(engine, LOGIN, PostLoginEvent.builder().build(), action(LOGIN, "cache-feature-flags"), action(LOGIN, "cache-reader"))
            .record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(logs(r, "cache-feature-flags")).containsExactly("stored flags: success");
    assertThat(logs(r, "cache-reader")).containsExactly("newCheckout=true, expires_at in future: true");
    assertThat(commandNames(r, "cache-feature-flags")).containsExactly("cache.set");
    assertThat(commandNames(r, "cache-reader")).containsExactly("idToken.setCustomClaim");
  }

  @Test
  void keepsTheValueForTheNextExecutionOfTheSameTrigger() {
    run(engine, LOGIN, PostLoginEvent.builder().build(), action(LOGIN, "cache-feature-flags"));

    ExecutionRecord second = run(engine, LOGIN, PostLoginEvent.builder().build(), action(LOGIN, "cache-feature-flags")).record();

    assertThat(logs(second, "cache-feature-flags"))
        .containsExactly("flags from cache: {\"newCheckout\":true,\"region\":\"PT\"}");
    assertThat(second.commands()).isEmpty();
  }

  @Test
  void scopesTheCacheToTheTrigger() {
    run(engine, LOGIN, PostLoginEvent.builder().build(), action(LOGIN, "cache-feature-flags"));

    ExecutionRecord r =
        run(engine, "pre-user-registration", PreUserRegistrationEvent.builder().build(),
                action("pre-user-registration", "cache-reader"))
            .record();

    assertThat(logs(r, "cache-reader")).containsExactly("feature_flags in this trigger: absent");
  }

  @Test
  void deletesAValueForLaterExecutions() {
    run(engine, LOGIN, PostLoginEvent.builder().build(), action(LOGIN, "cache-feature-flags"));

    ExecutionRecord r =
        run(engine, LOGIN, PostLoginEvent.builder().build(), action(LOGIN, "cache-delete"), action(LOGIN, "cache-reader")).record();

    assertThat(logs(r, "cache-delete")).containsExactly("delete: success; now gone");
    assertThat(logs(r, "cache-reader")).containsExactly("newCheckout=false, expires_at in future: false");
    assertThat(commandNames(r, "cache-delete")).containsExactly("cache.delete");
  }

  @Test
  void returnsCacheErrorsAsValuesInsteadOfThrowing() {
    ExecutionRecord r = run(engine, LOGIN, PostLoginEvent.builder().build(), action(LOGIN, "cache-errors")).record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(logs(r, "cache-errors"))
        .containsExactly(
            "bigValue: error CacheValueSizeExceeded",
            "longKey: error CacheKeySizeExceeded",
            "expired: error ItemAlreadyExpired",
            "badTtl: error InvalidExpiry",
            "missing: error CacheKeyDoesNotExist",
            "big stored: false");
  }
}
