package dev.interlock.core.port;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a suspended flow needs to go on, in JSON values only so that any store can persist it.
 *
 * @param event the event of the suspended action, without secrets
 * @param flowState the flow's shared state
 * @param actions the flow's actions at the time it started, in order
 * @param index position of the suspended action
 * @param resumeSame true when resuming calls the suspended action's resume handler; false when it
 *     continues with the next action
 */
public record FlowSnapshot(
    Map<String, Object> event,
    Map<String, Object> flowState,
    List<ActionRef> actions,
    int index,
    boolean resumeSame) {
  public FlowSnapshot {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(flowState, "flowState");
    actions = List.copyOf(actions);
  }

  /**
   * A reference to one action of the flow: a deployed version ({@code actionId} + {@code
   * version}), or ad-hoc code held by the engine under {@code adHocKey}.
   */
  public record ActionRef(String actionId, String name, Integer version, String adHocKey) {
    public Map<String, Object> toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("action_id", actionId);
      m.put("name", name);
      m.put("version", version == null ? null : (long) version);
      m.put("ad_hoc_key", adHocKey);
      return m;
    }

    static ActionRef fromJson(Map<String, Object> m) {
      Object v = m.get("version");
      return new ActionRef(
          (String) m.get("action_id"),
          (String) m.get("name"),
          v == null ? null : ((Number) v).intValue(),
          (String) m.get("ad_hoc_key"));
    }
  }

  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("event", event);
    m.put("flow_state", flowState);
    List<Object> refs = new ArrayList<>();
    actions.forEach(a -> refs.add(a.toJson()));
    m.put("actions", refs);
    m.put("index", (long) index);
    m.put("resume_same", resumeSame);
    return m;
  }

  @SuppressWarnings("unchecked")
  public static FlowSnapshot fromJson(Map<String, Object> m) {
    List<ActionRef> refs = new ArrayList<>();
    for (Object o : (List<Object>) m.get("actions")) {
      refs.add(ActionRef.fromJson((Map<String, Object>) o));
    }
    return new FlowSnapshot(
        (Map<String, Object>) m.get("event"),
        (Map<String, Object>) m.get("flow_state"),
        refs,
        ((Number) m.get("index")).intValue(),
        Boolean.TRUE.equals(m.get("resume_same")));
  }
}
