package dev.interlock.core.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Masks secret values in text bound for logs, errors and stack traces. Values shorter than four
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
