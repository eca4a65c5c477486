package dev.interlock.adapter.npm.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An npm version range: sets of comparators joined by {@code ||}, each set a conjunction. Supports
 * exact versions, {@code =}, {@code ^}, {@code ~}, X-ranges ({@code 1.x}, {@code 1.2.*}, {@code *},
 * empty), partial versions, {@code > >= < <=} and hyphen ranges. As in node-semver, a prerelease
 * version only satisfies a set when one of the set's comparators carries a prerelease on the same
 * {@code major.minor.patch}. Dist-tags are not ranges; the resolver looks them up first.
 */
public final class SemVerRange {
  private static final Pattern PARTIAL =
      Pattern.compile("^v?([0-9]+|[xX*])(?:\\.([0-9]+|[xX*])(?:\\.([0-9]+|[xX*])(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?)?)?(?:\\+[0-9A-Za-z-.]+)?$");
  private static final Pattern OP = Pattern.compile("^(>=|<=|>|<|=|\\^|~>?)?\\s*(.*)$");

  private record Comparator(String op, SemVer version) {
    boolean test(SemVer v) {
      int c = v.compareTo(version);
      return switch (op) {
        case ">=" -> c >= 0;
        case ">" -> c > 0;
        case "<=" -> c <= 0;
        case "<" -> c < 0;
        default -> c == 0;
      };
    }
  }

  private final List<List<Comparator>> sets;
  private final String text;

  private SemVerRange(String text, List<List<Comparator>> sets) {
    this.text = text;
    this.sets = sets;
  }

  /** Parses a range; throws {@link IllegalArgumentException} naming the range when it is not one. */
  public static SemVerRange parse(String text) {
    List<List<Comparator>> sets = new ArrayList<>();
    for (String part : text.split("\\|\\|", -1)) {
      sets.add(parseSet(part.trim(), text));
    }
    return new SemVerRange(text, sets);
  }

  public boolean satisfiedBy(SemVer v) {
    for (List<Comparator> set : sets) {
      if (set.stream().allMatch(c -> c.test(v)) && prereleaseAllowed(set, v)) {
        return true;
      }
    }
    return false;
  }

  /** The highest of {@code versions} that satisfies this range, or {@code null}. */
  public SemVer maxSatisfying(Collection<SemVer> versions) {
    SemVer best = null;
    for (SemVer v : versions) {
      if (satisfiedBy(v) && (best == null || v.compareTo(best) > 0)) {
        best = v;
      }
    }
    return best;
  }

  private static boolean prereleaseAllowed(List<Comparator> set, SemVer v) {
    if (!v.isPrerelease()) {
      return true;
    }
    return set.stream().anyMatch(c -> c.version.isPrerelease() && c.version.sameTuple(v));
  }

  private static List<Comparator> parseSet(String set, String whole) {
    List<Comparator> out = new ArrayList<>();
    Matcher hyphen = Pattern.compile("^(\\S+)\\s+-\\s+(\\S+)$").matcher(set);
    if (hyphen.matches()) {
      Partial lo = partial(hyphen.group(1), whole);
      Partial hi = partial(hyphen.group(2), whole);
      if (lo.major != null) out.add(new Comparator(">=", lo.floor()));
      if (hi.patch != null) out.add(new Comparator("<=", hi.floor()));
      else if (hi.major != null) out.add(new Comparator("<", hi.bumpLast()));
      return out;
    }
    // operators may be separated from their version by spaces (">= 1.2.3")
    String[] tokens = set.replaceAll("(>=|<=|>|<|=|\\^|~>?)\\s+", "$1").split("\\s+");
    for (String token : tokens) {
      if (!token.isEmpty()) {
        comparators(token, whole, out);
      }
    }
    return out;
  }

  private static void comparators(String token, String whole, List<Comparator> out) {
    Matcher m = OP.matcher(token);
    m.matches();
    String op = m.group(1) == null ? "" : m.group(1);
    Partial p = partial(m.group(2), whole);
    if (p.major == null) {
      if (op.equals("<") || op.equals(">")) out.add(new Comparator("<", SemVer.of(0, 0, 0, "0")));
      return; // '*', 'x', '>=*': any release
    }
    switch (op) {
      case "^" -> {
        out.add(new Comparator(">=", p.floor()));
        SemVer upper;
        if (p.major > 0 || p.minor == null) upper = SemVer.of(p.major + 1, 0, 0, "0");
        else if (p.minor > 0 || p.patch == null) upper = SemVer.of(0, p.minor + 1, 0, "0");
        else upper = SemVer.of(0, 0, p.patch + 1, "0");
        out.add(new Comparator("<", upper));
      }
      case "~", "~>" -> {
        out.add(new Comparator(">=", p.floor()));
        out.add(new Comparator("<", p.minor == null ? SemVer.of(p.major + 1, 0, 0, "0") : SemVer.of(p.major, p.minor + 1, 0, "0")));
      }
      case ">" -> out.add(p.patch != null ? new Comparator(">", p.floor()) : new Comparator(">=", p.bumpLast().withoutPre()));
      case ">=" -> out.add(new Comparator(">=", p.floor()));
      case "<" -> out.add(new Comparator("<", p.patch != null ? p.floor() : p.floor().withZeroPre()));
      case "<=" -> out.add(p.patch != null ? new Comparator("<=", p.floor()) : new Comparator("<", p.bumpLast()));
      default -> {
        if (p.patch != null) {
          out.add(new Comparator("=", p.floor()));
        } else {
          out.add(new Comparator(">=", p.floor()));
          out.add(new Comparator("<", p.bumpLast()));
        }
      }
    }
  }

  /** A version with missing or wildcard parts ({@code null}). */
  private record Partial(Long major, Long minor, Long patch, List<String> pre) {
    SemVer floor() {
      return new SemVer(major, minor == null ? 0 : minor, patch == null ? 0 : patch, pre);
    }

    /** The first version above everything this partial covers, as a {@code -0} lower bound. */
    SemVer bumpLast() {
      if (minor == null) return SemVer.of(major + 1, 0, 0, "0");
      if (patch == null) return SemVer.of(major, minor + 1, 0, "0");
      return SemVer.of(major, minor, patch + 1, "0");
    }
  }

  private static Partial partial(String s, String whole) {
    Matcher m = PARTIAL.matcher(s);
    if (s.isEmpty()) {
      return new Partial(null, null, null, List.of());
    }
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + whole + "' is not a valid version range");
    }
    Long major = num(m.group(1));
    Long minor = major == null ? null : num(m.group(2));
    Long patch = minor == null ? null : num(m.group(3));
    return new Partial(major, minor, patch, patch == null ? List.of() : SemVer.preList(m.group(4)));
  }

  private static Long num(String g) {
    return g == null || g.equalsIgnoreCase("x") || g.equals("*") ? null : Long.valueOf(g);
  }

  @Override
  public String toString() {
    return text;
  }
}
