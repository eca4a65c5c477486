package dev.interlock.adapter.cli;

import dev.interlock.core.json.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed test file (see docs/cli.md): suite-level trigger, actions, secrets and event, and its
 * cases, each inheriting what it does not state. A file without {@code cases} is one case.
 */
record TestFile(Path path, List<TestFile.Case> cases) {

  /**
   * One case, ready to run: the event is already merged over the trigger's example event, and
   * {@code fetch} holds the case's stubs followed by the file's.
   */
  record Case(String name, String trigger, List<Path> actions, Map<String, String> secrets,
      Map<String, String> dependencies, Map<String, Object> event, Map<String, Object> expect, List<FetchStub> fetch) {}

  static TestFile read(Path path) {
    Map<String, Object> root;
    String text = RunCommand.read(path);
    try {
      root = isYaml(path) ? Json.parseObject(yamlToJson(path, text)) : Json.parseObject(text);
    } catch (IllegalArgumentException e) {
      throw new InputException(path + ": " + e.getMessage());
    }
    Path dir = path.toAbsolutePath().getParent();
    List<Case> cases = new ArrayList<>();
    Object rawCases = root.get("cases");
    List<String> problems = new ArrayList<>();
    if (rawCases == null) {
      cases.add(parseCase(path, "$", root, Map.of(), List.of(), dir, fileName(path), problems));
    } else if (rawCases instanceof List<?> list) {
      List<FetchStub> shared = FetchStub.parseAll(root.get("fetch"), "$.fetch", problems);
      for (int i = 0; i < list.size(); i++) {
        if (!(list.get(i) instanceof Map)) {
          throw new InputException(path + ": $.cases[" + i + "] must be an object");
        }
        cases.add(parseCase(path, "$.cases[" + i + "]", object(list.get(i)), root, shared, dir, "case " + (i + 1),
            problems));
      }
    } else {
      throw new InputException(path + ": $.cases must be an array");
    }
    if (!problems.isEmpty()) {
      throw new InputException(path + ": " + String.join("\n" + path + ": ", problems));
    }
    return new TestFile(path, cases);
  }

  static boolean isYaml(Path path) {
    String n = path.getFileName().toString();
    return n.endsWith(".yaml") || n.endsWith(".yml");
  }

  /** YAML goes through Jackson to JSON text, so both formats end up in Interlock's JSON values. */
  private static String yamlToJson(Path path, String yaml) {
    try {
      Object tree = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readValue(yaml, Object.class);
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(tree);
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new InputException(path + ": invalid YAML: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()));
    }
  }

  private static Case parseCase(Path file, String at, Map<String, Object> c, Map<String, Object> suite,
      List<FetchStub> sharedStubs, Path dir, String defaultName, List<String> problems) {
    String name = c.get("name") instanceof String s ? s : defaultName;
    Object trigger = c.containsKey("trigger") ? c.get("trigger") : suite.get("trigger");
    if (!(trigger instanceof String)) {
      throw new InputException(file + ": " + at + ".trigger: a trigger id is required (here or at the top)");
    }
    List<Path> actions = new ArrayList<>();
    Object a = first(c, suite, "actions", "action");
    if (a instanceof String s) {
      actions.add(dir.resolve(s));
    } else if (a instanceof List<?> l && !l.isEmpty()) {
      for (Object o : l) {
        if (!(o instanceof String s)) {
          throw new InputException(file + ": " + at + ".actions: entries must be file names");
        }
        actions.add(dir.resolve(s));
      }
    } else {
      throw new InputException(file + ": " + at + ".action: an action file (or a list \"actions\") is required");
    }
    Map<String, String> secrets = new LinkedHashMap<>();
    for (Map<String, Object> source : List.of(suite, c)) {
      Object s = source.get("secrets");
      if (s == null) {
        continue;
      }
      if (!(s instanceof Map)) {
        throw new InputException(file + ": " + at + ".secrets must be an object of strings");
      }
      object(s).forEach((k, v) -> secrets.put(k, String.valueOf(v)));
    }
    Map<String, String> dependencies = new LinkedHashMap<>();
    for (Map<String, Object> source : List.of(suite, c)) {
      Object d = source.get("dependencies");
      if (d == null) {
        continue;
      }
      if (!(d instanceof Map)) {
        throw new InputException(file + ": " + at + ".dependencies must be an object of npm package names to versions");
      }
      object(d).forEach((k, v) -> dependencies.put(k, String.valueOf(v)));
    }
    Map<String, Object> event = ExampleEvents.forTrigger((String) trigger);
    for (Map<String, Object> source : List.of(suite, c)) {
      Object e = source.get("event");
      if (e == null) {
        continue;
      }
      if (!(e instanceof Map)) {
        throw new InputException(file + ": " + at + ".event must be an object");
      }
      event = ExampleEvents.merge(event, object(e));
    }
    Object expect = c.getOrDefault("expect", Map.of());
    if (!(expect instanceof Map)) {
      throw new InputException(file + ": " + at + ".expect must be an object");
    }
    List<FetchStub> stubs = new ArrayList<>(FetchStub.parseAll(c.get("fetch"), at + ".fetch", problems));
    stubs.addAll(sharedStubs);
    checkExpectedRequests(object(expect).get("fetch"), at + ".expect.fetch", problems);
    return new Case(name, (String) trigger, actions, secrets, dependencies, event, object(expect), stubs);
  }

  /** {@code expect.fetch}: the requests made, in order, each {@code {"method"?, "url"}}. */
  private static void checkExpectedRequests(Object raw, String at, List<String> problems) {
    if (raw == null) {
      return;
    }
    if (!(raw instanceof List<?> list)) {
      problems.add(at + ": must be an array of requests, e.g. [{\"method\": \"GET\", \"url\": \"https://api.example.com/*\"}]");
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      String here = at + "[" + i + "]";
      if (!(list.get(i) instanceof Map<?, ?> m) || !(m.get("url") instanceof String)) {
        problems.add(here + ": must be an object with a url (* matches any characters) and optionally a method");
      } else if (m.containsKey("method") && !(m.get("method") instanceof String)) {
        problems.add(here + ".method: must be a string such as GET");
      } else if (!m.keySet().stream().allMatch(k -> k.equals("method") || k.equals("url"))) {
        problems.add(here + ": only method and url are compared");
      }
    }
  }

  private static Object first(Map<String, Object> c, Map<String, Object> suite, String... keys) {
    for (Map<String, Object> m : List.of(c, suite)) {
      for (String k : keys) {
        if (m.containsKey(k)) {
          return m.get(k);
        }
      }
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object o) {
    return (Map<String, Object>) o;
  }

  private static String fileName(Path p) {
    return p.getFileName().toString();
  }
}
