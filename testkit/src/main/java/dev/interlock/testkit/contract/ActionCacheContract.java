package dev.interlock.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.port.ActionCache;
import dev.interlock.core.port.ActionCache.CacheRecord;
import dev.interlock.core.trigger.TriggerId;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ActionCache} must do. */
public abstract class ActionCacheContract {
  private static final TriggerId LOGIN = TriggerId.of("post-login");
  private static final TriggerId SIGNUP = TriggerId.of("pre-user-registration");
  private ActionCache cache;

  protected abstract ActionCache newCache();

  @BeforeEach
  void createCache() {
    cache = newCache();
  }

  @Test
  void readsBackAStoredRecord() {
    cache.put(LOGIN, "k", new CacheRecord("v", 1234L));

    assertThat(cache.get(LOGIN, "k")).contains(new CacheRecord("v", 1234L));
  }

  @Test
  void partitionsRecordsByTrigger() {
    cache.put(LOGIN, "k", new CacheRecord("login", 1L));

    assertThat(cache.get(SIGNUP, "k")).isEmpty();
    assertThat(cache.entries(SIGNUP)).isEmpty();
  }

  @Test
  void removesAKeyAndSaysWhetherItExisted() {
    cache.put(LOGIN, "k", new CacheRecord("v", 1L));

    assertThat(cache.remove(LOGIN, "k")).isTrue();
    assertThat(cache.remove(LOGIN, "k")).isFalse();
    assertThat(cache.get(LOGIN, "k")).isEmpty();
  }

  @Test
  void listsAllEntriesOfATrigger() {
    cache.put(LOGIN, "a", new CacheRecord("1", 1L));
    cache.put(LOGIN, "b", new CacheRecord("2", 2L));

    assertThat(cache.entries(LOGIN)).isEqualTo(Map.of("a", new CacheRecord("1", 1L), "b", new CacheRecord("2", 2L)));
  }
}
