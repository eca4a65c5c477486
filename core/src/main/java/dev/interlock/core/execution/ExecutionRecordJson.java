package dev.interlock.core.execution;

import dev.interlock.core.json.Json;
import dev.interlock.core.trigger.TriggerId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one JSON shape of an execution record (see {@code spec/execution-record.md}), as a JSON
 * value tree. Library, HTTP and CLI all print exactly this; stores may persist it.
 */
public final class ExecutionRecordJson {
  private ExecutionRecordJson() {}

  public static Map<String, Object> toJson(ExecutionRecord r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id().value());
    m.put("trigger_id", r.triggerId().value());
    m.put("trigger_version", r.triggerVersion());
    m.put("status", r.status().json());
    m.put("created_at", instant(r.createdAt()));
    m.put("updated_at", instant(r.updatedAt()));
    m.put("duration_ms", round(r.durationMs()));
    m.put("error", r.error() == null ? null : error(r.error()));
    List<Object> results = new ArrayList<>();
    for (ActionResult a : r.results()) {
      results.add(result(a));
    }
    m.put("results", results);
    m.put("outcome", r.outcome());
    m.put("continuation", r.continuation() == null ? null : continuation(r.continuation()));
    return m;
  }

  /** Compact JSON text of the record. */
  public static String write(ExecutionRecord r) {
    return Json.write(toJson(r));
  }

  private static Map<String, Object> error(ExecutionError e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", e.code().json());
    m.put("message", e.message());
    m.put("action_name", e.actionName());
    return m;
  }

  private static Map<String, Object> result(ActionResult a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("action_id", a.actionId());
    m.put("action_name", a.actionName());
    m.put("version", a.version() == null ? null : (long) a.version());
    m.put("handler", a.handler());
    m.put("status", a.status().json());
    m.put("started_at", instant(a.startedAt()));
    m.put("ended_at", instant(a.endedAt()));
    m.put("duration_ms", round(a.durationMs()));
    List<Object> commands = new ArrayList<>();
    for (Command c : a.commands()) {
      Map<String, Object> cm = new LinkedHashMap<>();
      cm.put("name", c.name());
      cm.put("args", c.args());
      commands.add(cm);
    }
    m.put("commands", commands);
    List<Object> logs = new ArrayList<>();
    for (LogEntry l : a.logs()) {
      Map<String, Object> lm = new LinkedHashMap<>();
      lm.put("level", l.level());
      lm.put("message", l.message());
      logs.add(lm);
    }
    m.put("logs", logs);
    m.put("logs_truncated", a.logsTruncated());
    if (a.error() == null) {
      m.put("error", null);
    } else {
      Map<String, Object> em = new LinkedHashMap<>();
      em.put("name", a.error().name());
      em.put("message", a.error().message());
      em.put("stack", a.error().stack());
      m.put("error", em);
    }
    return m;
  }

  private static Map<String, Object> continuation(Continuation c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("state", c.state());
    m.put("redirect_url", c.redirectUrl());
    m.put("resume_handler", c.resumeHandler());
    m.putAll(c.details());
    return m;
  }

  /** Reads a record back from its JSON shape (for stores and remote clients). */
  @SuppressWarnings("unchecked")
  public static ExecutionRecord fromJson(Map<String, Object> m) {
    List<ActionResult> results = new ArrayList<>();
    for (Object o : (List<Object>) m.getOrDefault("results", List.of())) {
      results.add(resultFromJson((Map<String, Object>) o));
    }
    Map<String, Object> err = (Map<String, Object>) m.get("error");
    Map<String, Object> cont = (Map<String, Object>) m.get("continuation");
    Continuation continuation = null;
    if (cont != null) {
      Map<String, Object> details = new LinkedHashMap<>(cont);
      details.remove("state");
      details.remove("redirect_url");
      details.remove("resume_handler");
      continuation =
          new Continuation(
              (String) cont.get("state"),
              (String) cont.get("redirect_url"),
              (String) cont.get("resume_handler"),
              details);
    }
    return new ExecutionRecord(
        new ExecutionId((String) m.get("id")),
        TriggerId.of((String) m.get("trigger_id")),
        (String) m.get("trigger_version"),
        ExecutionStatus.fromJson((String) m.get("status")),
        parseInstant(m.get("created_at")),
        parseInstant(m.get("updated_at")),
        number(m.get("duration_ms")),
        err == null
            ? null
            : new ExecutionError(
                ErrorCode.fromJson((String) err.get("code")),
                (String) err.get("message"),
                (String) err.get("action_name")),
        results,
        (Map<String, Object>) m.getOrDefault("outcome", Map.of()),
        continuation);
  }

  @SuppressWarnings("unchecked")
  private static ActionResult resultFromJson(Map<String, Object> m) {
    List<Command> commands = new ArrayList<>();
    for (Object o : (List<Object>) m.getOrDefault("commands", List.of())) {
      Map<String, Object> c = (Map<String, Object>) o;
      commands.add(new Command((String) c.get("name"), (List<Object>) c.getOrDefault("args", List.of())));
    }
    List<LogEntry> logs = new ArrayList<>();
    for (Object o : (List<Object>) m.getOrDefault("logs", List.of())) {
      Map<String, Object> l = (Map<String, Object>) o;
      logs.add(new LogEntry((String) l.get("level"), (String) l.get("message")));
    }
    Map<String, Object> e = (Map<String, Object>) m.get("error");
    Object version = m.get("version");
    return new ActionResult(
        (String) m.get("action_id"),
        (String) m.get("action_name"),
        version == null ? null : ((Number) version).intValue(),
        (String) m.get("handler"),
        ActionStatus.fromJson((String) m.get("status")),
        parseInstant(m.get("started_at")),
        parseInstant(m.get("ended_at")),
        number(m.get("duration_ms")),
        commands,
        logs,
        Boolean.TRUE.equals(m.get("logs_truncated")),
        e == null
            ? null
            : new ScriptError((String) e.get("name"), (String) e.get("message"), (String) e.get("stack")));
  }

  private static String instant(Instant i) {
    return i == null ? null : i.toString();
  }

  private static Instant parseInstant(Object o) {
    return o == null ? null : Instant.parse((String) o);
  }

  private static double number(Object o) {
    return o == null ? 0 : ((Number) o).doubleValue();
  }

  private static double round(double ms) {
    return Math.round(ms * 1000.0) / 1000.0;
  }
}
