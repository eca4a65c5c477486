package dev.interlock.adapter.npm.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An npm semantic version ({@code 1.2.3}, {@code 1.2.3-beta.1}; build metadata ignored), ordered
 * as node-semver orders them: a prerelease sorts before its release, numeric identifiers
 * numerically and before alphanumeric ones.
 */
public record SemVer(long major, long minor, long patch, List<String> prerelease) implements Comparable<SemVer> {
  private static final Pattern STRICT =
      Pattern.compile("^v?(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?(?:\\+[0-9A-Za-z-.]+)?$");

  public SemVer {
    prerelease = List.copyOf(prerelease);
  }

  /** Parses a full version, or returns {@code null} when the text is not one. */
  public static SemVer parse(String text) {
    Matcher m = STRICT.matcher(text.trim());
    if (!m.matches()) {
      return null;
    }
    List<String> pre = m.group(4) == null ? List.of() : Arrays.asList(m.group(4).split("\\."));
    return new SemVer(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), pre);
  }

  static SemVer of(long major, long minor, long patch, String... pre) {
    return new SemVer(major, minor, patch, List.of(pre));
  }

  SemVer withoutPre() {
    return new SemVer(major, minor, patch, List.of());
  }

  SemVer withZeroPre() {
    return isPrerelease() ? this : new SemVer(major, minor, patch, List.of("0"));
  }

  public boolean isPrerelease() {
    return !prerelease.isEmpty();
  }

  boolean sameTuple(SemVer o) {
    return major == o.major && minor == o.minor && patch == o.patch;
  }

  @Override
  public int compareTo(SemVer o) {
    int c = Long.compare(major, o.major);
    if (c == 0) c = Long.compare(minor, o.minor);
    if (c == 0) c = Long.compare(patch, o.patch);
    if (c != 0) return c;
    if (prerelease.isEmpty() || o.prerelease.isEmpty()) {
      return Boolean.compare(prerelease.isEmpty(), o.prerelease.isEmpty());
    }
    for (int i = 0; i < Math.min(prerelease.size(), o.prerelease.size()); i++) {
      c = compareIdentifier(prerelease.get(i), o.prerelease.get(i));
      if (c != 0) return c;
    }
    return Integer.compare(prerelease.size(), o.prerelease.size());
  }

  private static int compareIdentifier(String a, String b) {
    boolean an = a.chars().allMatch(Character::isDigit);
    boolean bn = b.chars().allMatch(Character::isDigit);
    if (an && bn) return new java.math.BigInteger(a).compareTo(new java.math.BigInteger(b));
    if (an) return -1;
    if (bn) return 1;
    return a.compareTo(b);
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch + (prerelease.isEmpty() ? "" : "-" + String.join(".", prerelease));
  }

  static List<String> preList(String s) {
    return s == null ? List.of() : new ArrayList<>(Arrays.asList(s.split("\\.")));
  }
}
