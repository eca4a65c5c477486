package dev.interlock.core.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompleteEventTest {
  private static final Map<String, Object> EXAMPLE = Map.of(
      "user", Map.of("user_id", "auth0|1", "email", "a@example.com", "app_metadata", Map.of("plan", "free")),
      "request", Map.of("ip", "203.0.113.1"),
      "scopes", List.of("openid"));

  private static TriggerBehavior withExample() {
    return TriggerBehavior.withExampleEvent(TriggerBehavior.neutral(), () -> EXAMPLE);
  }

  @Test
  void aPartialEventKeepsTheExampleWhereItSaysNothingAndWinsWhereItDoes() {
    Map<String, Object> partial = new HashMap<>();
    partial.put("user", Map.of("email", "b@example.com"));
    partial.put("scopes", List.of("email"));

    Map<String, Object> event = TriggerDefinition.mergeEvents(withExample().exampleEvent(), partial);

    assertThat(event).containsEntry("request", Map.of("ip", "203.0.113.1")).containsEntry("scopes", List.of("email"));
    assertThat(event.get("user")).isEqualTo(
        Map.of("user_id", "auth0|1", "email", "b@example.com", "app_metadata", Map.of("plan", "free")));
  }

  @Test
  @SuppressWarnings("unchecked")
  void aNullRemovesTheFieldAndTheInputsAreNotModified() {
    Map<String, Object> user = new HashMap<>();
    user.put("app_metadata", null);
    Map<String, Object> partial = Map.of("user", user);

    Map<String, Object> event = TriggerDefinition.mergeEvents(EXAMPLE, partial);

    assertThat((Map<Object, Object>) event.get("user")).doesNotContainKey("app_metadata").containsKey("user_id");
    assertThat(user).containsKey("app_metadata");
    assertThat((Map<Object, Object>) EXAMPLE.get("user")).containsKey("app_metadata");
  }

  @Test
  void theWrapperKeepsTheRulesItWraps() {
    TriggerBehavior rules = new TriggerBehavior() {
      @Override
      public Map<String, Object> outcome(FlowSummary flow) {
        return Map.of("from", "rules");
      }
    };

    assertThat(TriggerBehavior.withExampleEvent(rules, () -> EXAMPLE).outcome(null)).containsEntry("from", "rules");
    assertThat(TriggerBehavior.neutral().exampleEvent()).isEmpty();
  }
}
