package dev.interlock.core.trigger;

import dev.interlock.core.Problem;
import dev.interlock.core.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A small, immutable description of a JSON shape, used for trigger event contracts.
 *
 * <p>One description serves three purposes: {@link #validate validating} incoming events with a
 * JSON path for every problem, {@link #applyDefaults filling in} the optional parts Auth0 always
 * provides, and documentation (the CLI's {@code triggers describe} and TypeScript declarations are
 * generated from it). Objects are open by default because Auth0 adds event fields over time:
 * unknown properties are kept and passed through.
 */
public final class Schema {
  /** The JSON kinds a schema can describe. */
  public enum Kind {
    STRING,
    NUMBER,
    INTEGER,
    BOOLEAN,
    OBJECT,
    MAP,
    ARRAY,
    ANY
  }

  /** A named property of an object schema. */
  public record Property(String name, Schema schema, boolean required) {
    public Property {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(schema, "schema");
    }
  }

  private final Kind kind;
  private final String description;
  private final List<Property> properties;
  private final Schema items;
  private final List<String> allowed;
  private final boolean nullable;
  private final boolean open;
  private final Supplier<Object> defaultValue;
  // names of the properties, computed on first use (a benign race: every thread computes the same set)
  private volatile Set<String> propertyNames;
  // whether applyDefaults can change anything below this schema: without it, the walk of a whole
  // event (a few hundred map lookups) ran on every execution, mostly through subtrees with no default
  private final boolean defaultsBelow;

  private Schema(
      Kind kind,
      String description,
      List<Property> properties,
      Schema items,
      List<String> allowed,
      boolean nullable,
      boolean open,
      Supplier<Object> defaultValue) {
    this.kind = kind;
    this.description = description;
    this.properties = List.copyOf(properties);
    this.items = items;
    this.allowed = List.copyOf(allowed);
    this.nullable = nullable;
    this.open = open;
    this.defaultValue = defaultValue;
    boolean below = items != null && (items.hasDefault() || items.defaultsBelow);
    for (Property p : this.properties) {
      below |= p.schema().hasDefault() || p.schema().defaultsBelow;
    }
    this.defaultsBelow = below;
  }

  private static Schema of(Kind kind) {
    return new Schema(kind, "", List.of(), null, List.of(), false, true, null);
  }

  public static Schema string() {
    return of(Kind.STRING);
  }

  /** A string restricted to the given values. */
  public static Schema oneOf(String... values) {
    return new Schema(Kind.STRING, "", List.of(), null, List.of(values), false, true, null);
  }

  public static Schema number() {
    return of(Kind.NUMBER);
  }

  public static Schema integer() {
    return of(Kind.INTEGER);
  }

  public static Schema bool() {
    return of(Kind.BOOLEAN);
  }

  public static Schema any() {
    return of(Kind.ANY);
  }

  /** An object with string keys and values of one schema ({@code Record<string, T>}). */
  public static Schema mapOf(Schema values) {
    return new Schema(Kind.MAP, "", List.of(), values, List.of(), false, true, null);
  }

  public static Schema arrayOf(Schema items) {
    return new Schema(Kind.ARRAY, "", List.of(), items, List.of(), false, true, null);
  }

  /** Starts an object schema; add properties with {@link #required} and {@link #optional}. */
  public static Schema object() {
    return of(Kind.OBJECT);
  }

  /** This object schema plus a required property. */
  public Schema required(String name, Schema schema) {
    return withProperty(new Property(name, schema, true));
  }

  /** This object schema plus an optional property. */
  public Schema optional(String name, Schema schema) {
    return withProperty(new Property(name, schema, false));
  }

  private Schema withProperty(Property p) {
    if (kind != Kind.OBJECT) {
      throw new IllegalStateException("properties belong to object schemas");
    }
    List<Property> ps = new ArrayList<>(properties);
    ps.removeIf(q -> q.name().equals(p.name()));
    ps.add(p);
    return new Schema(kind, description, ps, items, allowed, nullable, open, defaultValue);
  }

  /** An object schema that rejects properties it does not list. */
  public Schema closed() {
    return new Schema(kind, description, properties, items, allowed, nullable, false, defaultValue);
  }

  /** Also accept {@code null}. */
  public Schema nullable() {
    return new Schema(kind, description, properties, items, allowed, true, open, defaultValue);
  }

  public Schema describedAs(String text) {
    return new Schema(kind, text, properties, items, allowed, nullable, open, defaultValue);
  }

  /**
   * The value inserted when an optional property is absent. The supplier must return a fresh JSON
   * value each time (it is handed to scripts, which may mutate it).
   */
  public Schema defaultingTo(Supplier<Object> value) {
    return new Schema(kind, description, properties, items, allowed, nullable, open, value);
  }

  /** Shorthand: absent means an empty object. */
  public Schema defaultingToEmpty() {
    return defaultingTo(kind == Kind.ARRAY ? ArrayList::new : LinkedHashMap::new);
  }

  public Kind kind() {
    return kind;
  }

  public String description() {
    return description;
  }

  public List<Property> properties() {
    return properties;
  }

  /** Item schema of an array, value schema of a map; {@code null} otherwise. */
  public Schema items() {
    return items;
  }

  public List<String> allowedValues() {
    return allowed;
  }

  public boolean isNullable() {
    return nullable;
  }

  public boolean isOpen() {
    return open;
  }

  public boolean hasDefault() {
    return defaultValue != null;
  }

  /** Every problem of {@code value} against this schema, each with its JSON path from {@code $}. */
  public List<Problem> validate(Object value) {
    List<Problem> out = new ArrayList<>();
    check(Path.ROOT, value, out, null);
    return out;
  }

  /**
   * Like {@link #validate}, and when there is no problem, also removes from {@code value} every
   * optional property whose value is {@code null} but whose schema does not accept null: a caller
   * sending {@code "organization": null} means "no organization", as Auth0's own event shapes
   * simply leave it out. Applied by the engine to its copy of each incoming event.
   */
  public List<Problem> validateDroppingNulls(Object value) {
    List<Problem> out = new ArrayList<>();
    List<Runnable> drops = new ArrayList<>();
    check(Path.ROOT, value, out, drops);
    if (out.isEmpty()) {
      drops.forEach(Runnable::run);
    }
    return out;
  }

  /**
   * A JSON path as a chain of steps, turned into a string only when a problem is reported: this
   * runs for every field of every event, and valid events (the common case) need no path strings.
   */
  private static final class Path {
    static final Path ROOT = new Path(null, null, -1);

    private final Path parent;
    private final String key; // null for an array index
    private final int index;

    private Path(Path parent, String key, int index) {
      this.parent = parent;
      this.key = key;
      this.index = index;
    }

    Path child(String key) {
      return new Path(this, key, -1);
    }

    Path item(int index) {
      return new Path(this, null, index);
    }

    @Override
    public String toString() {
      if (parent == null) {
        return "$";
      }
      StringBuilder sb = new StringBuilder(parent.toString());
      if (key == null) {
        sb.append('[').append(index).append(']');
      } else if (isIdentifier(key)) {
        sb.append('.').append(key);
      } else {
        sb.append("['").append(key.replace("'", "\\'")).append("']");
      }
      return sb.toString();
    }
  }

  @SuppressWarnings("unchecked")
  private void check(Path path, Object v, List<Problem> out, List<Runnable> drops) {
    if (v == null) {
      if (!nullable && kind != Kind.ANY) {
        out.add(new Problem(path.toString(), "must be " + expected() + ", not null"));
      }
      return;
    }
    switch (kind) {
      case ANY:
        return;
      case STRING:
        if (!(v instanceof String)) {
          out.add(mismatch(path, v));
        } else if (!allowed.isEmpty() && !allowed.contains(v)) {
          out.add(new Problem(path.toString(), "must be one of " + allowed + ", not '" + v + "'"));
        }
        return;
      case NUMBER:
        if (!(v instanceof Number)) {
          out.add(mismatch(path, v));
        }
        return;
      case INTEGER:
        if (!(v instanceof Number) || !(Json.normalizeNumber((Number) v) instanceof Long)) {
          out.add(mismatch(path, v));
        }
        return;
      case BOOLEAN:
        if (!(v instanceof Boolean)) {
          out.add(mismatch(path, v));
        }
        return;
      case ARRAY:
        if (!(v instanceof List)) {
          out.add(mismatch(path, v));
          return;
        }
        List<Object> list = (List<Object>) v;
        if (items.kind == Kind.ANY) {
          return;
        }
        for (int i = 0; i < list.size(); i++) {
          items.check(path.item(i), list.get(i), out, drops);
        }
        return;
      case MAP:
        if (!(v instanceof Map)) {
          out.add(mismatch(path, v));
          return;
        }
        if (items.kind == Kind.ANY) {
          return;
        }
        for (Map.Entry<String, Object> e : ((Map<String, Object>) v).entrySet()) {
          items.check(path.child(e.getKey()), e.getValue(), out, drops);
        }
        return;
      case OBJECT:
        if (!(v instanceof Map)) {
          out.add(mismatch(path, v));
          return;
        }
        Map<String, Object> m = (Map<String, Object>) v;
        for (Property p : properties) {
          Object value = m.get(p.name());
          if (value == null && !m.containsKey(p.name())) {
            if (p.required() && !p.schema().hasDefault()) {
              out.add(
                  new Problem(
                      path.child(p.name()).toString(),
                      "is required (" + p.schema().expected() + ")"));
            }
          } else if (value == null && drops != null && !p.required() && !p.schema().nullable && p.schema().kind != Kind.ANY) {
            drops.add(() -> m.remove(p.name()));
          } else if (p.schema().kind != Kind.ANY) {
            p.schema().check(path.child(p.name()), value, out, drops);
          }
        }
        if (!open) {
          Set<String> known = propertyNames();
          for (String k : m.keySet()) {
            if (!known.contains(k)) {
              out.add(new Problem(path.child(k).toString(), "is not a known property"));
            }
          }
        }
        return;
      default:
        throw new IllegalStateException(kind.name());
    }
  }

  private Set<String> propertyNames() {
    Set<String> names = propertyNames;
    if (names == null) {
      names = new java.util.HashSet<>();
      for (Property p : properties) {
        names.add(p.name());
      }
      propertyNames = names;
    }
    return names;
  }

  /**
   * Fills absent properties that have a default, recursively, in place. Call after {@link
   * #validate} found no problems; returns the same value for convenience.
   */
  @SuppressWarnings("unchecked")
  public Object applyDefaults(Object v) {
    if (!defaultsBelow) {
      return v;
    }
    if (v instanceof Map && kind == Kind.OBJECT) {
      Map<String, Object> m = (Map<String, Object>) v;
      for (Property p : properties) {
        Object current = m.get(p.name());
        if (current == null && !m.containsKey(p.name())) {
          if (p.schema().hasDefault()) {
            m.put(p.name(), p.schema().applyDefaults(p.schema().defaultValue.get()));
          }
        } else {
          p.schema().applyDefaults(current);
        }
      }
    } else if (v instanceof List && kind == Kind.ARRAY) {
      for (Object o : (List<Object>) v) {
        items.applyDefaults(o);
      }
    } else if (v instanceof Map && kind == Kind.MAP) {
      for (Object o : ((Map<String, Object>) v).values()) {
        items.applyDefaults(o);
      }
    }
    return v;
  }

  /** A short human description of what this schema accepts, e.g. {@code array of string}. */
  public String expected() {
    String base =
        switch (kind) {
          case STRING -> allowed.isEmpty() ? "a string" : "one of " + allowed;
          case NUMBER -> "a number";
          case INTEGER -> "an integer";
          case BOOLEAN -> "a boolean";
          case OBJECT, MAP -> "an object";
          case ARRAY -> "an array";
          case ANY -> "any value";
        };
    return nullable ? base + " or null" : base;
  }

  private Problem mismatch(Path path, Object v) {
    return new Problem(path.toString(), "must be " + expected() + ", not " + Json.typeOf(v));
  }

  // a hand-written check instead of String.matches: this runs for every field of every event
  private static boolean isIdentifier(String key) {
    if (key.isEmpty()) {
      return false;
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == '$';
      if (!letter && (i == 0 || c < '0' || c > '9')) {
        return false;
      }
    }
    return true;
  }
}
