package dev.interlock.core.trigger;

import dev.interlock.core.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A family's flow rules for one trigger. The engine calls it between actions, on resume and at the
 * end; every method has the neutral default, so a trigger overrides only what it needs.
 */
public interface TriggerBehavior {

  /**
   * The event the next action receives, given the one the finished action received (without its
   * secrets). Returning a new map makes, for example, metadata set by one action visible to later
   * ones; the argument must not be modified.
   */
  default Map<String, Object> nextEvent(Map<String, Object> event, ActionStep finished) {
    return event;
  }

  /**
   * The event after a suspension, given the event of the suspended action and the resume request.
   * By default {@code event.request} is rebuilt from the old one overridden by the request's
   * fields, and the patch's top-level properties replace the event's.
   */
  @SuppressWarnings("unchecked")
  default Map<String, Object> resumedEvent(
      Map<String, Object> event, ResumeRequest resume, Map<String, Object> flowState) {
    Map<String, Object> out = new LinkedHashMap<>(event);
    Map<String, Object> request = new LinkedHashMap<>();
    if (event.get("request") instanceof Map) {
      request.putAll((Map<String, Object>) event.get("request"));
    }
    request.putAll(Json.copyObject(resume.request()));
    out.put("request", request);
    out.putAll(Json.copyObject(resume.eventPatch()));
    return out;
  }

  /** What the caller applies after the flow, aggregated over all actions (later wins). */
  default Map<String, Object> outcome(FlowSummary flow) {
    return Map.of();
  }

  /**
   * A reason to fail a flow whose actions all completed, when the trigger requires something of
   * them (custom-token-exchange must select exactly one user). Empty means the flow completed.
   */
  default Optional<String> completionProblem(FlowSummary flow) {
    return Optional.empty();
  }

  /**
   * A complete, valid example of the trigger's event (the family's event builder with its
   * defaults), which {@link TriggerDefinition#completeEvent} fills partial events from: test runs
   * ({@code POST /actions/{id}/test}, {@code interlock run}, {@code interlock test}) accept a
   * partial event. Empty when the family gives none.
   */
  default Map<String, Object> exampleEvent() {
    return Map.of();
  }

  /** The behavior with every default. */
  static TriggerBehavior neutral() {
    return new TriggerBehavior() {};
  }

  /** {@code rules}, with {@code example} as its {@link #exampleEvent()} (built anew on every call). */
  static TriggerBehavior withExampleEvent(TriggerBehavior rules, java.util.function.Supplier<Map<String, Object>> example) {
    java.util.Objects.requireNonNull(rules, "rules");
    java.util.Objects.requireNonNull(example, "example");
    return new TriggerBehavior() {
      @Override
      public Map<String, Object> nextEvent(Map<String, Object> event, ActionStep finished) {
        return rules.nextEvent(event, finished);
      }

      @Override
      public Map<String, Object> resumedEvent(
          Map<String, Object> event, ResumeRequest resume, Map<String, Object> flowState) {
        return rules.resumedEvent(event, resume, flowState);
      }

      @Override
      public Map<String, Object> outcome(FlowSummary flow) {
        return rules.outcome(flow);
      }

      @Override
      public Optional<String> completionProblem(FlowSummary flow) {
        return rules.completionProblem(flow);
      }

      @Override
      public Map<String, Object> exampleEvent() {
        return example.get();
      }
    };
  }
}
