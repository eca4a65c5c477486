package dev.interlock.adapter.cli;

import dev.interlock.core.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The Auth0 Deploy CLI's directory layout for actions and triggers, as {@code interlock export}
 * writes it and {@code interlock import} reads it:
 *
 * <pre>
 * actions/&lt;name&gt;.json        {name, code, runtime, status, dependencies, secrets, supported_triggers, deployed}
 * actions/&lt;name&gt;/code.js     the draft code
 * triggers/triggers.json     {"post-login": [{"action_name": ..., "display_name": ...}], ...}
 * </pre>
 *
 * Secrets are written as names only ({@code [{"name": "API_KEY"}]}); values never leave the store.
 * Reading collects every problem of every file, each with the file and the field.
 */
final class DeployDirectory {
  static final String ACTIONS = "actions";
  static final String TRIGGERS = "triggers";
  static final String TRIGGERS_FILE = "triggers.json";

  private DeployDirectory() {}

  /** One action file, read and checked. {@code secrets} values are null where the file gives none. */
  record ActionFile(
      Path file,
      String name,
      String code,
      String runtime,
      Map<String, String> dependencies,
      Map<String, String> secrets,
      String trigger,
      boolean deployed) {}

  /** One binding of triggers.json. */
  record BindingEntry(String actionName, String displayName) {}

  /** The whole directory: actions by name, bindings by trigger (only the triggers the file lists). */
  record Contents(List<ActionFile> actions, Map<String, List<BindingEntry>> triggers) {}

  /** A name as a file name: characters that file systems refuse become {@code -}. */
  static String fileName(String name) {
    StringBuilder b = new StringBuilder();
    for (char c : name.toCharArray()) {
      b.append(c < 0x20 || "/\\?<>:*|\"".indexOf(c) >= 0 ? '-' : c);
    }
    String s = b.toString();
    return s.equals(".") || s.equals("..") ? s.replace('.', '-') : s;
  }

  /** Reads and checks the directory; throws an {@link InputException} listing every problem. */
  static Contents read(Path dir, java.util.Set<String> knownTriggers) {
    if (!Files.isDirectory(dir)) {
      throw new InputException("DIR: " + dir + " is not a directory");
    }
    List<String> problems = new ArrayList<>();
    List<ActionFile> actions = new ArrayList<>();
    Path actionsDir = dir.resolve(ACTIONS);
    if (Files.isDirectory(actionsDir)) {
      List<Path> files;
      try (Stream<Path> s = Files.list(actionsDir)) {
        files = s.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p)).sorted().toList();
      } catch (IOException e) {
        throw new InputException(actionsDir + ": cannot list the directory: " + e.getMessage());
      }
      Map<String, Path> seen = new LinkedHashMap<>();
      for (Path f : files) {
        ActionFile a = readAction(dir, f, knownTriggers, problems);
        if (a != null) {
          Path other = seen.putIfAbsent(a.name(), f);
          if (other != null) {
            problems.add(rel(dir, f) + ": name: '" + a.name() + "' is also the name in " + rel(dir, other));
          } else {
            actions.add(a);
          }
        }
      }
    }
    Map<String, List<BindingEntry>> triggers = new LinkedHashMap<>();
    Path triggersFile = dir.resolve(TRIGGERS).resolve(TRIGGERS_FILE);
    if (Files.isRegularFile(triggersFile)) {
      readTriggers(dir, triggersFile, knownTriggers, problems, triggers);
    }
    if (!Files.isDirectory(actionsDir) && !Files.isRegularFile(triggersFile)) {
      problems.add(dir + ": neither actions/ nor triggers/triggers.json found (the Auth0 Deploy CLI's directory layout)");
    }
    if (!problems.isEmpty()) {
      throw new InputException("the directory has " + problems.size() + " problem(s); nothing was imported:\n  - "
          + String.join("\n  - ", problems));
    }
    return new Contents(actions, triggers);
  }

  private static ActionFile readAction(Path dir, Path f, java.util.Set<String> knownTriggers, List<String> problems) {
    String where = rel(dir, f);
    Map<String, Object> json;
    try {
      json = Json.parseObject(Files.readString(f, StandardCharsets.UTF_8));
    } catch (IOException e) {
      problems.add(where + ": cannot read: " + e.getMessage());
      return null;
    } catch (IllegalArgumentException e) {
      problems.add(where + ": not a JSON object: " + e.getMessage());
      return null;
    }
    int before = problems.size();
    String name = string(json, "name", true, where, problems);
    String codePath = string(json, "code", true, where, problems);
    String runtime = string(json, "runtime", false, where, problems);
    String code = null;
    if (codePath != null) {
      Path p = resolveCode(dir, f, codePath);
      if (p == null) {
        problems.add(where + ": code: no file " + codePath + " (relative to " + dir + " or to " + rel(dir, f.getParent()) + ")");
      } else {
        try {
          code = Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
          problems.add(where + ": code: cannot read " + p + ": " + e.getMessage());
        }
      }
    }
    Map<String, String> deps = named(list(json, "dependencies", where, problems), "dependencies", "version", true, where, problems);
    Map<String, String> secrets = json.containsKey("secrets")
        ? named(list(json, "secrets", where, problems), "secrets", "value", false, where, problems)
        : null;
    String trigger = null;
    List<Object> triggers = list(json, "supported_triggers", where, problems);
    if (triggers.size() != 1) {
      if (json.get("supported_triggers") instanceof List) {
        problems.add(where + ": supported_triggers: must list exactly one trigger {id, version}, got " + triggers.size());
      } else if (!json.containsKey("supported_triggers")) {
        problems.add(where + ": supported_triggers: missing");
      }
    } else if (!(triggers.get(0) instanceof Map<?, ?> t) || !(t.get("id") instanceof String id)) {
      problems.add(where + ": supported_triggers[0].id: must be a trigger id such as post-login");
    } else if (!knownTriggers.contains(id)) {
      problems.add(where + ": supported_triggers[0].id: unknown trigger '" + id + "' (known: " + String.join(", ", knownTriggers) + ")");
    } else {
      trigger = id;
    }
    Object deployed = json.get("deployed");
    if (deployed != null && !(deployed instanceof Boolean)) {
      problems.add(where + ": deployed: must be true or false");
    }
    if (problems.size() > before) {
      return null;
    }
    return new ActionFile(f, name, code, runtime, deps, secrets, trigger, Boolean.TRUE.equals(deployed));
  }

  private static void readTriggers(Path dir, Path f, java.util.Set<String> knownTriggers, List<String> problems,
      Map<String, List<BindingEntry>> into) {
    String where = rel(dir, f);
    Map<String, Object> json;
    try {
      json = Json.parseObject(Files.readString(f, StandardCharsets.UTF_8));
    } catch (IOException e) {
      problems.add(where + ": cannot read: " + e.getMessage());
      return;
    } catch (IllegalArgumentException e) {
      problems.add(where + ": not a JSON object: " + e.getMessage());
      return;
    }
    json.forEach((trigger, value) -> {
      if (!knownTriggers.contains(trigger)) {
        problems.add(where + ": " + trigger + ": unknown trigger (known: " + String.join(", ", knownTriggers) + ")");
        return;
      }
      if (!(value instanceof List<?> entries)) {
        problems.add(where + ": " + trigger + ": must be a list of {action_name, display_name}");
        return;
      }
      List<BindingEntry> bindings = new ArrayList<>();
      for (int i = 0; i < entries.size(); i++) {
        String at = trigger + "[" + i + "]";
        if (!(entries.get(i) instanceof Map<?, ?> e) || !(e.get("action_name") instanceof String an) || an.isBlank()) {
          problems.add(where + ": " + at + ".action_name: must be a non-empty string");
          continue;
        }
        Object dn = e.get("display_name");
        if (dn != null && !(dn instanceof String)) {
          problems.add(where + ": " + at + ".display_name: must be a string when given");
          continue;
        }
        bindings.add(new BindingEntry(an, (String) dn));
      }
      into.put(trigger, bindings);
    });
  }

  private static Path resolveCode(Path dir, Path file, String codePath) {
    Path given = Path.of(codePath);
    List<Path> candidates = given.isAbsolute() ? List.of(given) : List.of(dir.resolve(given), file.getParent().resolve(given));
    for (Path p : candidates) {
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    return null;
  }

  private static String string(Map<String, Object> json, String field, boolean required, String where, List<String> problems) {
    Object v = json.get(field);
    if (v == null) {
      if (required) {
        problems.add(where + ": " + field + ": missing");
      }
      return null;
    }
    if (!(v instanceof String s) || (required && s.isBlank())) {
      problems.add(where + ": " + field + ": must be a " + (required ? "non-empty " : "") + "string");
      return null;
    }
    return s;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Map<String, Object> json, String field, String where, List<String> problems) {
    Object v = json.get(field);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List)) {
      problems.add(where + ": " + field + ": must be a list");
      return List.of();
    }
    return (List<Object>) v;
  }

  static String rel(Path dir, Path p) {
    try {
      return dir.relativize(p).toString().replace('\\', '/');
    } catch (IllegalArgumentException e) {
      return p.toString();
    }
  }

  /**
   * {@code [{name, <valueKey>}]} entries by name; every problem names the entry. A required value
   * must be a non-empty string, an optional one a string when given (absent values map to null).
   */
  private static Map<String, String> named(List<Object> entries, String field, String valueKey, boolean valueRequired,
      String where, List<String> problems) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      String at = where + ": " + field + "[" + i + "]";
      if (!(entries.get(i) instanceof Map<?, ?> e)) {
        problems.add(at + ": must be an object {name" + (valueRequired ? ", " + valueKey + "}" : "[, " + valueKey + "]}"));
        continue;
      }
      Object n = e.get("name");
      Object v = e.get(valueKey);
      if (!(n instanceof String ns) || ns.isBlank()) {
        problems.add(at + ".name: must be a non-empty string");
      } else if (valueRequired && (!(v instanceof String vs) || vs.isBlank())) {
        problems.add(at + "." + valueKey + ": must be a non-empty string");
      } else if (!valueRequired && v != null && !(v instanceof String)) {
        problems.add(at + "." + valueKey + ": must be a string when given");
      } else if (out.containsKey(ns)) {
        problems.add(at + ".name: " + ns + " is listed twice");
      } else {
        out.put(ns, (String) v);
      }
    }
    return out;
  }
}
