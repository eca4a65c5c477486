package dev.interlock.trigger.signuplogin;

import static dev.interlock.trigger.signuplogin.Flows.step;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.execution.ExecutionStatus;
import dev.interlock.core.json.Undefined;
import dev.interlock.testkit.EngineFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Auth0 rules of {@code api.cache} (implemented in core) as the signup-login triggers expose them. */
class CacheTest {
  private final EngineFixture engine = Flows.engine();
  private final List<Object> results = new ArrayList<>();

  @AfterEach
  void close() {
    engine.close();
  }

  private ExecutionRecord postLogin(Flows.ApiCallAction body) {
    return engine.run("post-login", PostLoginEvent.builder().build(), step("cache", body::accept));
  }

  @Test
  void storesRecordsWithValueAndExpiryThatLaterActionsRead() {
    long before = System.currentTimeMillis();

    engine.run("post-login", PostLoginEvent.builder().build(),
        step("set", (e, api) -> results.add(api.call("cache.set", "token", "abc"))),
        step("get", (e, api) -> results.add(api.call("cache.get", "token"))));

    Map<?, ?> set = (Map<?, ?>) results.get(0);
    assertThat(set.get("type")).isEqualTo("success");
    Map<?, ?> record = (Map<?, ?>) results.get(1);
    assertThat(record.get("value")).isEqualTo("abc");
    long expiresAt = ((Number) record.get("expires_at")).longValue();
    assertThat(expiresAt).isBetween(before + 15 * 60_000 - 1, System.currentTimeMillis() + 15 * 60_000);
    assertThat(set.get("record")).isEqualTo(record);
  }

  @Test
  void sharesTheCacheAcrossExecutionsOfTheSameTriggerOnly() {
    postLogin((e, api) -> api.call("cache.set", "shared", "v"));

    engine.run("post-login", PostLoginEvent.builder().build(), step("read", (e, api) -> results.add(api.call("cache.get", "shared"))));
    engine.run("pre-user-registration", PreUserRegistrationEvent.builder().build(),
        step("read", (e, api) -> results.add(api.call("cache.get", "shared"))));

    assertThat(((Map<?, ?>) results.get(0)).get("value")).isEqualTo("v");
    assertThat(results.get(1)).isEqualTo(Undefined.VALUE);
  }

  @Test
  void takesTheEarlierOfTtlAndExpiresAtAndCapsAt24Hours() {
    long now = System.currentTimeMillis();

    postLogin((e, api) -> {
      results.add(api.call("cache.set", "a", "v", Map.of("ttl", 60_000, "expires_at", now + 3_600_000)));
      results.add(api.call("cache.set", "b", "v", Map.of("ttl", 48L * 3_600_000)));
    });

    long a = ((Number) ((Map<?, ?>) ((Map<?, ?>) results.get(0)).get("record")).get("expires_at")).longValue();
    long b = ((Number) ((Map<?, ?>) ((Map<?, ?>) results.get(1)).get("record")).get("expires_at")).longValue();
    assertThat(a).isBetween(now + 59_000, now + 61_000);
    assertThat(b).isLessThanOrEqualTo(System.currentTimeMillis() + 24L * 3_600_000);
  }

  @Test
  void returnsErrorCodesInsteadOfThrowing() {
    ExecutionRecord r = postLogin((e, api) -> {
      results.add(api.call("cache.set", "k".repeat(65), "v"));
      results.add(api.call("cache.set", "k", "v".repeat(4097)));
      results.add(api.call("cache.set", "k", "v", Map.of("ttl", Double.NaN)));
      results.add(api.call("cache.set", "k", "v", Map.of("expires_at", 1000)));
      results.add(api.call("cache.delete", "missing"));
    });

    assertThat(r.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(results.stream().map(x -> (Object) ((Map<?, ?>) x).get("code")).toList()).containsExactly(
        "CacheKeySizeExceeded", "CacheValueSizeExceeded", "InvalidExpiry", "ItemAlreadyExpired", "CacheKeyDoesNotExist");
  }

  @Test
  void refusesToGrowPastTheTotalSizeLimit() {
    postLogin((e, api) -> {
      results.add(api.call("cache.set", "one", "v".repeat(4000)));
      results.add(api.call("cache.set", "two", "v".repeat(4000)));
      results.add(api.call("cache.set", "three", "v".repeat(4000)));
    });

    assertThat(((Map<?, ?>) results.get(1)).get("type")).isEqualTo("success");
    assertThat(((Map<?, ?>) results.get(2)).get("code")).isEqualTo("CacheSizeExceeded");
  }

  @Test
  void deletesARecord() {
    postLogin((e, api) -> {
      api.call("cache.set", "k", "v");
      results.add(api.call("cache.delete", "k"));
      results.add(api.call("cache.get", "k"));
    });

    assertThat(results.get(0)).isEqualTo(Map.of("type", "success"));
    assertThat(results.get(1)).isEqualTo(Undefined.VALUE);
  }

  @Test
  void isTheOnlyApiOfPostUserRegistration() {
    ExecutionRecord r = engine.run("post-user-registration", PostUserRegistrationEvent.builder().build(),
        step("cache", (e, api) -> results.add(api.call("cache.set", "welcome-sent", "yes"))));

    assertThat(r.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(((Map<?, ?>) results.get(0)).get("type")).isEqualTo("success");
    assertThat(r.outcome()).isEmpty();
  }
}
