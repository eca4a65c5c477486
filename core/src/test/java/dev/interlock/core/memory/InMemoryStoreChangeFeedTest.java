package dev.interlock.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.action.Action;
import dev.interlock.core.action.ActionDraft;
import dev.interlock.core.action.ActionId;
import dev.interlock.core.action.ActionVersion;
import dev.interlock.core.action.Secrets;
import dev.interlock.core.trigger.TriggerId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InMemoryStoreChangeFeedTest {
  private static final TriggerId LOGIN = TriggerId.of("post-login");

  @Test
  void reportsEveryActionChangeUntilTheSubscriptionIsClosed() throws Exception {
    InMemoryActionStore store = new InMemoryActionStore();
    AtomicInteger calls = new AtomicInteger();
    AutoCloseable subscription = store.subscribe(calls::incrementAndGet);
    ActionId id = ActionId.of("act_1");
    Instant now = Instant.now();
    Action action = new Action(id, "a", LOGIN, new ActionDraft("a", "java", Map.of(), Secrets.of(Map.of())), 1, 1, now, now);

    store.insert(action);
    store.addVersion(new ActionVersion("ver_1", id, 1, "a", "java", Map.of(), Secrets.of(Map.of()), now));
    store.deleteVersion(id, 1);
    store.delete(id);
    subscription.close();
    store.insert(action);

    assertThat(calls.get()).isEqualTo(4);
  }

  @Test
  void reportsBindingReplacements() {
    InMemoryBindingStore store = new InMemoryBindingStore();
    AtomicInteger calls = new AtomicInteger();
    store.subscribe(calls::incrementAndGet);

    store.replace(LOGIN, List.of(), 0);

    assertThat(calls.get()).isEqualTo(1);
  }
}
