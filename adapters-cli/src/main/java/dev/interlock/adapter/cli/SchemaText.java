package dev.interlock.adapter.cli;

import dev.interlock.core.trigger.Schema;
import java.util.List;
import java.util.stream.Collectors;

/** Schemas written as TypeScript types, for {@code triggers describe} and {@code types}. */
final class SchemaText {
  private SchemaText() {}

  /** An inline TypeScript type; objects become {@code object} (callers walk their properties). */
  static String shallowType(Schema s) {
    String t;
    switch (s.kind()) {
      case STRING:
        t = s.allowedValues().isEmpty() ? "string" : quoted(s.allowedValues());
        break;
      case NUMBER:
      case INTEGER:
        t = "number";
        break;
      case BOOLEAN:
        t = "boolean";
        break;
      case ARRAY:
        t = arrayOf(s.items() == null ? "unknown" : shallowType(s.items()));
        break;
      case MAP:
        t = "Record<string, " + (s.items() == null ? "unknown" : shallowType(s.items())) + ">";
        break;
      case OBJECT:
        t = "object";
        break;
      default:
        t = "unknown";
    }
    return s.isNullable() ? t + " | null" : t;
  }

  static String arrayOf(String item) {
    return item.matches("[A-Za-z_.<>, ]+") && !item.contains(",") ? item + "[]" : "Array<" + item + ">";
  }

  private static String quoted(List<String> values) {
    return values.stream().map(v -> "\"" + v.replace("\"", "\\\"") + "\"").collect(Collectors.joining(" | "));
  }
}
