package dev.interlock.adapter.rhino.internal;

import org.mozilla.javascript.Function;
import org.mozilla.javascript.ScriptRuntime;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.Undefined;

/**
 * Guards on {@code String.prototype}: plain-text searches and the methods that build big results
 * inside Java in one call.
 *
 * <ul>
 *   <li>A plain search ({@code indexOf}, {@code includes}, {@code split}, {@code replace} with a
 *       string pattern) compares up to length × pattern length characters, unobserved: 10^11
 *       comparisons took 26-45 s here. Calls estimated above {@link #MAX_SEARCH_COST} are refused
 *       (10^9, a worst case of 1-1.6 s measured here: 10^7 characters, a 100-character
 *       pattern); those above 10^6 check the deadline first. Regular
 *       expressions are not capped: Rhino's regexp engine counts its steps into the instruction
 *       observer ({@code ScriptRuntime.addInstructionCount} in {@code NativeRegExp}), so the
 *       deadline, CPU and memory budget stop them like script code.
 *   <li>Results are estimated before they are built: {@code replace}/{@code replaceAll} as
 *       matches × replacement length (exactly counted for string patterns when the cheap bound
 *       does not fit), {@code split} as pieces × per-piece cost, {@code concat}, {@code
 *       normalize} by its largest expansion.
 *   <li>A string built by {@code s + s} is a tree of pieces until a built-in reads it; reading one
 *       beyond the budget's size is refused before it is flattened.
 * </ul>
 */
final class StringGuards {
  /** Character comparisons one plain search may take (worst case 1-1.6 s here; 10^11 took 26-45 s). */
  static final double MAX_SEARCH_COST = 1e9;
  private static final double CHECKED_SEARCH_COST = 1e6;
  /** A piece of a split result: the string (header, array) and its slot. */
  private static final double PIECE_BYTES = 48;
  private static final String[] READERS = {
    "at", "charAt", "charCodeAt", "codePointAt", "endsWith", "localeCompare", "match", "matchAll", "search",
    "startsWith", "isWellFormed"
  };
  private static final String[] COPIERS = {
    "slice", "substring", "substr", "toLowerCase", "toUpperCase", "toLocaleLowerCase", "toLocaleUpperCase", "trim",
    "trimStart", "trimEnd", "toWellFormed"
  };

  private StringGuards() {}

  static void install(ScriptableObject global) {
    Scriptable proto = ScriptableObject.getClassPrototype(global, "String");
    for (String name : READERS) {
      Guard.wrap(global, proto, name, (cx, b, t, a) -> flatten(b, t, 1, "String.prototype." + name));
    }
    for (String name : COPIERS) {
      Guard.wrap(global, proto, name, (cx, b, t, a) -> flatten(b, t, 2, "String.prototype." + name));
    }
    for (String name : new String[] {"indexOf", "lastIndexOf", "includes"}) {
      Guard.wrap(global, proto, name, (cx, b, t, a) -> search(b, t, a, "String.prototype." + name));
    }
    Guard.wrap(global, proto, "split", StringGuards::split);
    Guard.wrap(global, proto, "replace", (cx, b, t, a) -> replace(b, t, a, false));
    Guard.wrap(global, proto, "replaceAll", (cx, b, t, a) -> replace(b, t, a, true));
    Guard.wrap(global, proto, "concat", (cx, b, t, a) -> {
      double n = Guard.stringLength(t);
      for (int i = 0; i < a.length; i++) {
        n += a[i] instanceof CharSequence || a[i] instanceof Scriptable s && "String".equals(s.getClassName())
            ? Guard.stringArgLength(a, i) : 0;
      }
      Guard.reserve(b, 2 * n, "String.prototype.concat");
    });
    Guard.wrap(global, proto, "normalize", (cx, b, t, a) -> {
      String form = a.length > 0 && a[0] != Undefined.instance ? ScriptRuntime.toString(a[0]) : "NFC";
      // the largest expansions: 3 characters (canonical), 18 (compatibility, U+FDFA)
      flatten(b, t, 1 + (form.contains("K") ? 18 : 3), "String.prototype.normalize");
    });
  }

  /** Reading the receiver may turn a tree of pieces into one array of characters (and copy it). */
  private static void flatten(Budget budget, Scriptable thisObj, double copies, String what) {
    Guard.reserve(budget, 2 * copies * Guard.stringLength(thisObj), what);
  }

  private static boolean isRegExp(Object[] args, int i) {
    return args.length > i && args[i] instanceof Scriptable s && "RegExp".equals(s.getClassName());
  }

  /** Admits a plain search of a pattern of length {@code m} through {@code n} characters. */
  private static void searchCost(Budget budget, double n, double m, String what) {
    double cost = n * Math.max(1, m);
    if (cost > MAX_SEARCH_COST) {
      throw ScriptLimitError.limit(what + " would compare about " + (long) Math.min(cost, Long.MAX_VALUE)
          + " characters (text length × pattern length), more than the " + (long) MAX_SEARCH_COST
          + " one call may take");
    }
    if (cost > CHECKED_SEARCH_COST) {
      budget.checkAllocated();
    }
  }

  private static void search(Budget budget, Scriptable thisObj, Object[] args, String what) {
    flatten(budget, thisObj, 1, what);
    searchCost(budget, Guard.stringLength(thisObj), Guard.stringArgLength(args, 0), what);
  }

  private static void split(org.mozilla.javascript.Context cx, Budget budget, Scriptable thisObj, Object[] args) {
    String what = "String.prototype.split";
    double n = Guard.stringLength(thisObj);
    flatten(budget, thisObj, 1, what);
    if (args.length == 0 || args[0] == Undefined.instance) {
      return;
    }
    double limit = args.length > 1 && args[1] != Undefined.instance ? ScriptRuntime.toUint32(args[1]) : Double.MAX_VALUE;
    double pieces;
    if (isRegExp(args, 0)) {
      pieces = n + 1;
    } else {
      double m = Guard.stringArgLength(args, 0);
      searchCost(budget, n, m, what);
      pieces = m == 0 ? n : n / m + 1;
      if (estimateSplit(n, Math.min(pieces, limit)) > budget.remainingBytes()) {
        pieces = occurrences(ScriptRuntime.toString(thisObj), ScriptRuntime.toString(args[0])) + 1;
      }
    }
    Guard.reserve(budget, estimateSplit(n, Math.min(pieces, limit)), what);
  }

  private static double estimateSplit(double n, double pieces) {
    return 2 * n + pieces * PIECE_BYTES;
  }

  /**
   * The result of a replacement: the text, plus per match the replacement's own characters, plus
   * the text its {@code $&}/{@code $n} references copy (matches do not overlap, so at most the
   * whole text per reference) and its {@code $`}/{@code $'} references (up to the whole text per
   * match). A replacement function's results are built by the script, where the observer sees
   * them.
   */
  private static void replace(Budget budget, Scriptable thisObj, Object[] args, boolean all) {
    String what = all ? "String.prototype.replaceAll" : "String.prototype.replace";
    double n = Guard.stringLength(thisObj);
    flatten(budget, thisObj, 1, what);
    if (args.length < 2 || args[1] instanceof Function) {
      return;
    }
    String replacement = ScriptRuntime.toString(args[1]);
    double[] refs = references(replacement);
    boolean regExp = isRegExp(args, 0);
    double matches;
    if (regExp) {
      matches = all || ScriptRuntime.toBoolean(ScriptableObject.getProperty((Scriptable) args[0], "global")) ? n + 1 : 1;
    } else {
      double m = Guard.stringArgLength(args, 0);
      searchCost(budget, n, m, what);
      matches = !all ? 1 : m == 0 ? n + 1 : n / m + 1;
      if (!regExp && all && estimate(n, matches, replacement.length(), refs) > budget.remainingBytes()) {
        matches = occurrences(ScriptRuntime.toString(thisObj), ScriptRuntime.toString(args[0]));
      }
    }
    Guard.reserve(budget, estimate(n, matches, replacement.length(), refs), what);
  }

  private static double estimate(double n, double matches, double replacementLength, double[] refs) {
    return 2 * (n + matches * replacementLength + refs[0] * n + refs[1] * matches * n);
  }

  /** Counts {@code $&}, {@code $1}.., {@code $<name>} (index 0) and {@code $`}, {@code $'} (index 1). */
  private static double[] references(String replacement) {
    double[] refs = new double[2];
    for (int i = replacement.indexOf('$'); i >= 0 && i + 1 < replacement.length(); i = replacement.indexOf('$', i + 1)) {
      char c = replacement.charAt(i + 1);
      if (c == '$') {
        i++;
      } else if (c == '&' || c == '<' || Character.isDigit(c)) {
        refs[0]++;
      } else if (c == '`' || c == '\'') {
        refs[1]++;
      }
    }
    return refs;
  }

  /** Non-overlapping occurrences of {@code pattern} ({@code text.length() + 1} for an empty one). */
  private static double occurrences(String text, String pattern) {
    if (pattern.isEmpty()) {
      return text.length() + 1.0;
    }
    double count = 0;
    for (int i = text.indexOf(pattern); i >= 0; i = text.indexOf(pattern, i + pattern.length())) {
      count++;
    }
    return count;
  }
}
