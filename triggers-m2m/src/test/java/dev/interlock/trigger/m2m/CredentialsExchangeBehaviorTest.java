package dev.interlock.trigger.m2m;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.execution.ActionResult;
import dev.interlock.core.trigger.ActionStep;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialsExchangeBehaviorTest {
  private final CredentialsExchangeTrigger.Behavior behavior = new CredentialsExchangeTrigger.Behavior();
  private final ActionResult finished = ActionResult.skipped("act_1", "a", 1, "onExecuteCredentialsExchange");

  @Test
  void nextEventCopiesTheLiveTargetSetWithoutTouchingTheGivenEvent() {
    Map<String, Object> event = CredentialsExchangeEvent.builder().targetScopes("a").build();
    Map<String, Object> before = new LinkedHashMap<>(event);
    Map<String, Object> state = new LinkedHashMap<>(Map.of(TargetScopes.STATE_KEY, List.of("a", "b")));

    Map<String, Object> next = behavior.nextEvent(event, new ActionStep(finished, state));

    assertThat(((Map<?, ?>) next.get("transaction")).get("target_scopes")).isEqualTo(List.of("a", "b"));
    assertThat(((Map<?, ?>) event.get("transaction")).get("target_scopes")).isEqualTo(List.of("a"));
    assertThat(event).isEqualTo(before);
  }

  @Test
  void nextEventIsTheSameEventWhenNoActionChangedTheTargetSet() {
    Map<String, Object> event = CredentialsExchangeEvent.builder().build();

    Map<String, Object> next = behavior.nextEvent(event, new ActionStep(finished, new LinkedHashMap<>()));

    assertThat(next).isSameAs(event);
  }
}
