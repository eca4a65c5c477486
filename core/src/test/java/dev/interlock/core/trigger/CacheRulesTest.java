package dev.interlock.core.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.Interlock;
import dev.interlock.core.javaaction.JavaActionRuntime;
import dev.interlock.core.AdHocAction;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Auth0 {@code api.cache} rules, through a minimal trigger that has only the cache. */
class CacheRulesTest {
  private static final TriggerId T = TriggerId.of("cache-only");
  private Instant now = Instant.parse("2026-01-01T00:00:00Z");
  private final JavaActionRuntime java = new JavaActionRuntime();
  private final Interlock engine =
      Interlock.builder()
          .families(List.of(new TriggerFamily() {
            @Override
            public String name() {
              return "cache";
            }

            @Override
            public List<TriggerDefinition> triggers() {
              return List.of(new TriggerDefinition(T, "v1", "cache", TriggerMode.SYNC, "onExecute", null,
                  Schema.object(), ApiContract.of(CommonApis.cache()), TriggerBehavior.neutral(), ""));
            }
          }))
          .runtime(java)
          .clock(new InstantSource() {
            @Override
            public Instant instant() {
              return now;
            }
          })
          .build();

  private List<Object> run(String name, dev.interlock.core.javaaction.JavaAction action) {
    List<Object> out = new ArrayList<>();
    java.register(name, (e, api) -> {
      e.put("__out", out);
      action.onExecute(e, api);
    });
    var r = engine.executor().run(T, List.of(new AdHocAction(name, name, "java", Map.of(), Map.of())), new LinkedHashMap<>());
    assertThat(r.record().error()).isNull();
    return out;
  }

  @SuppressWarnings("unchecked")
  private static void emit(Map<String, Object> e, Object v) {
    ((List<Object>) e.get("__out")).add(v);
  }

  @Test
  void setReturnsTheRecordAndGetReadsItBackWithItsExpiry() {
    List<Object> out = run("a", (e, api) -> {
      emit(e, api.call("cache.set", "k", "v"));
      emit(e, api.call("cache.get", "k"));
    });

    long expires = now.toEpochMilli() + Duration.ofMinutes(15).toMillis();
    assertThat(out).containsExactly(
        Map.of("type", "success", "record", Map.of("value", "v", "expires_at", expires)),
        Map.of("value", "v", "expires_at", expires));
  }

  @Test
  void anExpiredRecordReadsAsUndefined() {
    run("set", (e, api) -> api.call("cache.set", "k", "v", Map.of("ttl", 1000)));
    now = now.plusSeconds(2);

    List<Object> out = run("get", (e, api) -> emit(e, api.call("cache.get", "k")));

    assertThat(out).containsExactly(dev.interlock.core.json.Undefined.VALUE);
  }

  @Test
  void theEarlierOfTtlAndExpiresAtWinsAndLifetimeIsCappedAt24Hours() {
    List<Object> out = run("a", (e, api) -> {
      emit(e, api.call("cache.set", "a", "1", Map.of("ttl", 5000, "expires_at", now.toEpochMilli() + 1000)));
      emit(e, api.call("cache.set", "b", "2", Map.of("ttl", Duration.ofDays(3).toMillis())));
    });

    assertThat(((Map<?, ?>) ((Map<?, ?>) out.get(0)).get("record")).get("expires_at")).isEqualTo(now.toEpochMilli() + 1000);
    assertThat(((Map<?, ?>) ((Map<?, ?>) out.get(1)).get("record")).get("expires_at"))
        .isEqualTo(now.toEpochMilli() + Duration.ofHours(24).toMillis());
  }

  @Test
  void errorsAreReturnedAsValuesNotThrown() {
    List<Object> out = run("a", (e, api) -> {
      emit(e, api.call("cache.set", "k".repeat(65), "v"));
      emit(e, api.call("cache.set", "k", "v".repeat(4097)));
      emit(e, api.call("cache.set", "k", "v", Map.of("ttl", -5)));
      emit(e, api.call("cache.set", "k", "v", Map.of("ttl", Double.NaN)));
      emit(e, api.call("cache.delete", "missing"));
    });

    assertThat(out).extracting(o -> (Object) ((Map<?, ?>) o).get("code")).containsExactly(
        "CacheKeySizeExceeded", "CacheValueSizeExceeded", "ItemAlreadyExpired", "InvalidExpiry", "CacheKeyDoesNotExist");
  }

  @Test
  void theTotalSizeOfATriggersCacheIsLimited() {
    List<Object> out = run("a", (e, api) -> {
      emit(e, api.call("cache.set", "one", "x".repeat(4000)));
      emit(e, api.call("cache.set", "two", "x".repeat(4000)));
      emit(e, api.call("cache.set", "three", "x".repeat(4000)));
    });

    assertThat(out).extracting(o -> (Object) ((Map<?, ?>) o).get("type")).containsExactly("success", "success", "error");
    assertThat(((Map<?, ?>) out.get(2)).get("code")).isEqualTo("CacheSizeExceeded");
  }

  @Test
  void setAndDeleteAreRecordedAsCommandsButGetIsNot() {
    java.register("cmds", (e, api) -> {
      api.call("cache.set", "k", "v");
      api.call("cache.get", "k");
      api.call("cache.delete", "k");
    });

    var r = engine.executor().run(T, List.of(new AdHocAction("cmds", "cmds", "java", Map.of(), Map.of())), new LinkedHashMap<>());

    assertThat(r.record().commands()).extracting(c -> c.name()).containsExactly("cache.set", "cache.delete");
  }
}
