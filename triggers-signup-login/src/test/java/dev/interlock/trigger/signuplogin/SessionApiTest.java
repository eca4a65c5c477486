package dev.interlock.trigger.signuplogin;

import static dev.interlock.trigger.signuplogin.Flows.at;
import static dev.interlock.trigger.signuplogin.Flows.outcome;
import static dev.interlock.trigger.signuplogin.Flows.postLoginRejection;
import static dev.interlock.trigger.signuplogin.Flows.rejection;
import static dev.interlock.trigger.signuplogin.Flows.step;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.execution.ExecutionStatus;
import dev.interlock.testkit.EngineFixture;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SessionApiTest {
  private final EngineFixture engine = Flows.engine();

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void revokingTheSessionDeniesTheLogin() {
    ExecutionRecord r = engine.run("post-login", PostLoginEvent.builder().build(),
        step("revoke", (e, api) -> api.call("session.revoke", "suspicious", Map.of("preserveRefreshTokens", true))));

    assertThat(r.status()).isEqualTo(ExecutionStatus.DENIED);
    assertThat(outcome(r, "access", "reason")).isEqualTo("suspicious");
    assertThat(outcome(r, "session", "revoked")).isEqualTo(Map.of("reason", "suspicious", "preserve_refresh_tokens", true));
  }

  @Test
  void keepsTheEarliestExpiriesAndTheLastCookieMode() {
    AtomicReference<Object> cookieSeen = new AtomicReference<>();

    ExecutionRecord r = engine.run("post-login", PostLoginEvent.builder().build(),
        step("a", (e, api) -> {
          api.call("session.setExpiresAt", 1_900_000_000_000L);
          api.call("session.setIdleExpiresAt", 1_800_000_000_000L);
          api.call("session.setCookieMode", "persistent");
        }),
        step("b", (e, api) -> {
          api.call("session.setExpiresAt", 1_700_000_000_000L);
          api.call("session.setIdleExpiresAt", 1_850_000_000_000L);
          api.call("session.setCookieMode", "non-persistent");
          cookieSeen.set(at(e, "session", "cookie", "mode"));
        }));

    assertThat(outcome(r, "session", "expires_at")).isEqualTo(1_700_000_000_000L);
    assertThat(outcome(r, "session", "idle_expires_at")).isEqualTo(1_800_000_000_000L);
    assertThat(outcome(r, "session", "cookie_mode")).isEqualTo("non-persistent");
    assertThat(cookieSeen.get()).isEqualTo("non-persistent");
  }

  @Test
  void refusesInvalidExpiriesAndCookieModes() {
    assertThat(postLoginRejection((e, api) -> api.call("session.setExpiresAt", 0)).getMessage())
        .contains("absolute must be a positive number of milliseconds");
    assertThat(postLoginRejection((e, api) -> api.call("session.setCookieMode", "forever")).getMessage())
        .contains("mode must be one of [persistent, non-persistent]");
  }

  @Test
  void setsSessionMetadataVisibleAtOnceAndLater() {
    AtomicReference<Object> now = new AtomicReference<>();
    AtomicReference<Object> later = new AtomicReference<>();

    ExecutionRecord r = engine.run("post-login", PostLoginEvent.builder().session(s -> s.set("metadata", Map.of("a", "1"))).build(),
        step("set", (e, api) -> {
          api.call("session.setMetadata", "device", "laptop");
          api.call("session.deleteMetadata", "a");
          now.set(at(e, "session", "metadata"));
        }),
        step("read", (e, api) -> later.set(at(e, "session", "metadata"))));

    assertThat(now.get()).isEqualTo(Map.of("device", "laptop"));
    assertThat(later.get()).isEqualTo(Map.of("device", "laptop"));
    assertThat(outcome(r, "session", "metadata")).isEqualTo(Map.of("device", "laptop"));
  }

  @Test
  void evictsAllSessionMetadata() {
    ExecutionRecord r = engine.run("post-login", PostLoginEvent.builder().session(s -> s.set("metadata", Map.of("a", "1"))).build(),
        step("evict", (e, api) -> api.call("session.evictMetadata")));

    assertThat(outcome(r, "session", "metadata")).isEqualTo(Map.of());
  }

  @Test
  void enforcesSessionMetadataLimits() {
    assertThat(postLoginRejection((e, api) -> api.call("session.setMetadata", "bad key", "v")).getMessage())
        .startsWith("Failed to set session metadata: key must match");
    assertThat(postLoginRejection((e, api) -> api.call("session.setMetadata", "k", "v".repeat(256))).getMessage())
        .contains("at most 255 characters");
    assertThat(postLoginRejection((e, api) -> api.call("session.setMetadata", "k", 5)).getMessage())
        .contains("must be a string or null");
    assertThat(postLoginRejection((e, api) -> {
      for (int i = 0; i < 26; i++) {
        api.call("session.setMetadata", "k" + i, "v");
      }
    }).getMessage()).contains("at most 25 keys");
  }

  @Test
  void refusesSessionMetadataWithoutASession() {
    Map<String, Object> noSession = PostLoginEvent.builder().without("session").build();

    assertThat(rejection("post-login", noSession, (e, api) -> api.call("session.setMetadata", "k", "v")).getMessage())
        .isEqualTo("Failed to set session metadata: there is no session in this transaction");
    assertThat(rejection("post-login", noSession, (e, api) -> api.call("session.deleteMetadata", "k"))).isNull();
  }

  @Test
  void revokesARefreshTokenOnlyDuringARefreshTokenExchange() {
    Map<String, Object> exchange = PostLoginEvent.builder()
        .transaction(t -> t.protocol("oauth2-refresh-token")).refreshToken(rt -> {}).build();

    ExecutionRecord r = engine.run("post-login", exchange, step("revoke", (e, api) -> api.call("refreshToken.revoke", "stolen")));

    assertThat(r.status()).isEqualTo(ExecutionStatus.DENIED);
    assertThat(outcome(r, "refresh_token", "revoked")).isEqualTo(Map.of("reason", "stolen"));
    assertThat(postLoginRejection((e, api) -> api.call("refreshToken.revoke", "stolen")).getMessage())
        .contains("only available when event.transaction.protocol is 'oauth2-refresh-token'");
  }

  @Test
  void refusesExpiryChangesOfOnlineRefreshTokens() {
    Map<String, Object> online = PostLoginEvent.builder().refreshToken(rt -> rt.set("access", "online")).build();

    assertThat(rejection("post-login", online, (e, api) -> api.call("refreshToken.setExpiresAt", 1_900_000_000_000L)).getMessage())
        .contains("online refresh token");
  }

  @Test
  void storesRefreshTokenMetadataEvenWithoutARefreshToken() {
    ExecutionRecord r = engine.run("post-login", PostLoginEvent.builder().build(), step("rt", (e, api) -> {
      api.call("refreshToken.setMetadata", "device", "phone");
      api.call("refreshToken.setIdleExpiresAt", 1_900_000_000_000L);
    }));

    assertThat(outcome(r, "refresh_token", "metadata")).isEqualTo(Map.of("device", "phone"));
    assertThat(outcome(r, "refresh_token", "idle_expires_at")).isEqualTo(1_900_000_000_000L);
    assertThat(postLoginRejection((e, api) -> api.call("refreshToken.setMetadata", "k", "\0")).getMessage())
        .startsWith("Failed to set refresh token metadata:");
  }

  @Test
  void deletesAndEvictsRefreshTokenMetadataVisibleInTheEvent() {
    AtomicReference<Object> afterDelete = new AtomicReference<>();
    Map<String, Object> event = PostLoginEvent.builder().refreshToken(rt -> rt.set("metadata", Map.of("a", "1", "b", "2"))).build();

    ExecutionRecord deleted = engine.run("post-login", event, step("delete", (e, api) -> {
      api.call("refreshToken.deleteMetadata", "a");
      afterDelete.set(at(e, "refresh_token", "metadata"));
    }));
    ExecutionRecord evicted = engine.run("post-login", event, step("evict", (e, api) -> api.call("refreshToken.evictMetadata")));

    assertThat(afterDelete.get()).isEqualTo(Map.of("b", "2"));
    assertThat(outcome(deleted, "refresh_token", "metadata")).isEqualTo(Map.of("b", "2"));
    assertThat(outcome(evicted, "refresh_token", "metadata")).isEqualTo(Map.of());
  }
}
