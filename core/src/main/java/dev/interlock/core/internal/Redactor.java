package dev.interlock.core.internal;

import dev.interlock.core.execution.Command;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Collection;
import java.util.List;

/**
 * Masks secret values in text bound for logs, errors, stack traces and recorded commands. Values shorter than four
 * characters are left alone: masking them would garble ordinary words without protecting much.
 */
final class Redactor {
  static final String MASK = "[secret]";
  static final Redactor NONE = new Redactor(List.of());

  private final List<String> values;

  private Redactor(List<String> values) {
    this.values = values;
  }

  static Redactor of(Collection<String> secretValues) {
    List<String> vs = new ArrayList<>();
    for (String v : secretValues) {
      if (v != null && v.length() >= 4) {
        vs.add(v);
      }
    }
    vs.sort((a, b) -> b.length() - a.length());
    return vs.isEmpty() ? NONE : new Redactor(vs);
  }

  /** Commands with every string argument (at any depth) masked. */
  List<Command> redactCommands(List<Command> commands) {
    if (values.isEmpty()) {
      return commands;
    }
    List<Command> out = new ArrayList<>(commands.size());
    for (Command c : commands) {
      List<Object> args = new ArrayList<>(c.args().size());
      for (Object a : c.args()) {
        args.add(redactValue(a));
      }
      out.add(new Command(c.name(), args));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private Object redactValue(Object v) {
    if (v instanceof String s) {
      return redact(s);
    }
    if (v instanceof Map) {
      Map<String, Object> out = new LinkedHashMap<>();
      ((Map<String, Object>) v).forEach((k, x) -> out.put(k, redactValue(x)));
      return out;
    }
    if (v instanceof List) {
      List<Object> out = new ArrayList<>();
      ((List<Object>) v).forEach(x -> out.add(redactValue(x)));
      return out;
    }
    return v;
  }

  String redact(String text) {
    if (text == null || values.isEmpty()) {
      return text;
    }
    String out = text;
    for (String v : values) {
      if (out.contains(v)) {
        out = out.replace(v, MASK);
      }
    }
    return out;
  }
}
