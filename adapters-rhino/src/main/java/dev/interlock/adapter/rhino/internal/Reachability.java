package dev.interlock.adapter.rhino.internal;

/**
 * The one JavaScript walk that lists everything reachable from a value (own keys including
 * symbols, accessors, prototypes), used to seal the shared scope and the Node layer's objects.
 */
public final class Reachability {
  private Reachability() {}

  /** Source of a function {@code (root) -> array of every reachable object and function}. */
  public static final String FUNCTION =
      "(function (root) {\n"
          + "  var seen = new Set(), out = [], stack = [root];\n"
          + "  while (stack.length) {\n"
          + "    var o = stack.pop();\n"
          + "    if (o === null || o === undefined || (typeof o !== 'object' && typeof o !== 'function') || seen.has(o)) continue;\n"
          + "    seen.add(o); out.push(o); stack.push(Object.getPrototypeOf(o));\n"
          + "    var keys; try { keys = Reflect.ownKeys(o); } catch (e) { continue; }\n"
          + "    for (var i = 0; i < keys.length; i++) {\n"
          + "      var d; try { d = Object.getOwnPropertyDescriptor(o, keys[i]); } catch (e) { continue; }\n"
          + "      if (!d) continue;\n"
          + "      if ('value' in d) { try { stack.push(o[keys[i]]); } catch (e) {} } else { stack.push(d.get); stack.push(d.set); }\n"
          + "    }\n"
          + "  }\n"
          + "  return out;\n"
          + "})";
}
