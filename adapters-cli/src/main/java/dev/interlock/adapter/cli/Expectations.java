package dev.interlock.adapter.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a test case's {@code expect} block against an execution record (as JSON). Every failed
 * expectation becomes one message, with a unified diff of expected against actual JSON.
 *
 * <p>Matching is by subset: an expected object matches when each of its keys matches the actual
 * value; an expected array matches an actual array of the same length element by element, except
 * command {@code args}, where the expected list may be shorter (a prefix). Numbers compare by value.
 */
final class Expectations {
  private Expectations() {}

  @SuppressWarnings("unchecked")
  static List<String> check(Map<String, Object> expect, Map<String, Object> record) {
    List<String> failures = new ArrayList<>();
    if (expect.containsKey("status") && !String.valueOf(expect.get("status")).equals(record.get("status"))) {
      String error = record.get("error") instanceof Map ? " (" + ((Map<String, Object>) record.get("error")).get("message") + ")" : "";
      failures.add("status: expected " + expect.get("status") + ", got " + record.get("status") + error);
    }
    List<Object> commands = new ArrayList<>();
    List<String> logs = new ArrayList<>();
    for (Object r : (List<Object>) record.getOrDefault("results", List.of())) {
      Map<String, Object> result = (Map<String, Object>) r;
      commands.addAll((List<Object>) result.getOrDefault("commands", List.of()));
      for (Object l : (List<Object>) result.getOrDefault("logs", List.of())) {
        logs.add(String.valueOf(((Map<String, Object>) l).get("message")));
      }
    }
    if (expect.containsKey("commands")) {
      List<Object> expected = list(expect.get("commands"), "expect.commands");
      if (!commandsInOrder(expected, commands)) {
        failures.add("commands: expected these commands in this order (args may be a prefix)\n"
            + diff(expected, commands));
      }
    }
    if (Boolean.TRUE.equals(expect.get("no_commands")) && !commands.isEmpty()) {
      failures.add("commands: expected none\n" + diff(List.of(), commands));
    }
    if (expect.containsKey("outcome") && !matches(expect.get("outcome"), record.get("outcome"), false)) {
      failures.add("outcome: does not contain the expected fields\n" + diff(expect.get("outcome"), record.get("outcome")));
    }
    if (expect.containsKey("logs")) {
      for (Object want : list(expect.get("logs"), "expect.logs")) {
        if (logs.stream().noneMatch(l -> l.contains(String.valueOf(want)))) {
          failures.add("logs: no log line contains \"" + want + "\"; logs were:\n" + PrettyJson.write(logs));
        }
      }
    }
    if (expect.containsKey("error")) {
      Object err = record.get("error");
      String message = err instanceof Map ? String.valueOf(((Map<String, Object>) err).get("message")) : "";
      if (!message.contains(String.valueOf(expect.get("error")))) {
        failures.add("error: expected a message containing \"" + expect.get("error") + "\", got "
            + (err == null ? "no error" : "\"" + message + "\""));
      }
    }
    return failures;
  }

  @SuppressWarnings("unchecked")
  private static boolean commandsInOrder(List<Object> expected, List<Object> actual) {
    int at = 0;
    for (Object e : expected) {
      boolean found = false;
      while (at < actual.size()) {
        Map<String, Object> a = (Map<String, Object>) actual.get(at++);
        if (commandMatches(e, a)) {
          found = true;
          break;
        }
      }
      if (!found) {
        return false;
      }
    }
    return true;
  }

  @SuppressWarnings("unchecked")
  private static boolean commandMatches(Object expected, Map<String, Object> actual) {
    if (!(expected instanceof Map)) {
      throw new InputException("expect.commands: each entry must be an object with name and args");
    }
    Map<String, Object> e = (Map<String, Object>) expected;
    if (!String.valueOf(e.get("name")).equals(actual.get("name"))) {
      return false;
    }
    return !e.containsKey("args") || matches(e.get("args"), actual.get("args"), true);
  }

  @SuppressWarnings("unchecked")
  static boolean matches(Object expected, Object actual, boolean prefixList) {
    if (expected instanceof Map) {
      if (!(actual instanceof Map)) {
        return false;
      }
      Map<String, Object> a = (Map<String, Object>) actual;
      for (Map.Entry<String, Object> e : ((Map<String, Object>) expected).entrySet()) {
        if (!a.containsKey(e.getKey()) || !matches(e.getValue(), a.get(e.getKey()), false)) {
          return false;
        }
      }
      return true;
    }
    if (expected instanceof List) {
      if (!(actual instanceof List)) {
        return false;
      }
      List<Object> e = (List<Object>) expected;
      List<Object> a = (List<Object>) actual;
      if (prefixList ? e.size() > a.size() : e.size() != a.size()) {
        return false;
      }
      for (int i = 0; i < e.size(); i++) {
        if (!matches(e.get(i), a.get(i), false)) {
          return false;
        }
      }
      return true;
    }
    if (expected instanceof Number && actual instanceof Number) {
      return ((Number) expected).doubleValue() == ((Number) actual).doubleValue();
    }
    return expected == null ? actual == null : expected.equals(actual);
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object v, String field) {
    if (!(v instanceof List)) {
      throw new InputException(field + ": must be an array");
    }
    return (List<Object>) v;
  }

  private static String diff(Object expected, Object actual) {
    String d = UnifiedDiff.of("expected", PrettyJson.write(expected) + "\n", "actual", PrettyJson.write(actual) + "\n");
    return d.stripTrailing();
  }
}
