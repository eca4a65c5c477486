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
    return i == null ? null : iso(i);
  }

  /**
   * {@code Instant.toString()} (ISO-8601, UTC, fraction in groups of three digits as needed) for
   * years 1970-9999 without the formatter machinery, which costs more than the rest of a record's
   * write; other instants use {@code toString()}.
   */
  static String iso(Instant i) {
    long seconds = i.getEpochSecond();
    if (seconds < 0 || seconds >= 253_402_300_800L) {
      return i.toString();
    }
    long days = seconds / 86_400;
    int secondOfDay = (int) (seconds % 86_400);
    // civil date from days since 1970-01-01 (H. Hinnant's algorithm)
    long z = days + 719_468;
    long era = z / 146_097;
    long doe = z - era * 146_097;
    long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    int day = (int) (doy - (153 * mp + 2) / 5 + 1);
    int month = (int) (mp < 10 ? mp + 3 : mp - 9);
    int year = (int) (yoe + era * 400 + (month <= 2 ? 1 : 0));
    char[] out = new char[30];
    digits(out, 0, year, 4);
    out[4] = '-';
    digits(out, 5, month, 2);
    out[7] = '-';
    digits(out, 8, day, 2);
    out[10] = 'T';
    digits(out, 11, secondOfDay / 3600, 2);
    out[13] = ':';
    digits(out, 14, secondOfDay / 60 % 60, 2);
    out[16] = ':';
    digits(out, 17, secondOfDay % 60, 2);
    int n = 19;
    int nano = i.getNano();
    if (nano != 0) {
      out[n++] = '.';
      if (nano % 1_000_000 == 0) {
        digits(out, n, nano / 1_000_000, 3);
        n += 3;
      } else if (nano % 1000 == 0) {
        digits(out, n, nano / 1000, 6);
        n += 6;
      } else {
        digits(out, n, nano, 9);
        n += 9;
      }
    }
    out[n++] = 'Z';
    return new String(out, 0, n);
  }

  private static void digits(char[] out, int at, int value, int width) {
    for (int k = at + width - 1; k >= at; k--) {
      out[k] = (char) ('0' + value % 10);
      value /= 10;
    }
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
