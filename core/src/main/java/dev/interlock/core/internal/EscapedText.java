package dev.interlock.core.internal;

/**
 * A text with its percent escapes ({@code %XX} as UTF-8, else Latin-1, and {@code %uXXXX}) and
 * JSON string escapes ({@code \" \\ \/ \b \f \n \r \t \\uXXXX}) decoded, remembering for every
 * decoded character the range of the original text it came from. Searching the decoded text finds
 * a secret however {@code encodeURIComponent}, form encoding, {@code escape} or {@code
 * JSON.stringify} wrote it, and in any mix of them; the range map says what to mask.
 */
final class EscapedText {
  final String text;
  /** {@code from[i]} to {@code to[i]}: where decoded character {@code i} lies in the original. */
  final int[] from;
  final int[] to;

  private EscapedText(String text, int[] from, int[] to) {
    this.text = text;
    this.from = from;
    this.to = to;
  }

  /** Whether {@code s} may hold an escape at all: the cheap test that keeps plain text on the fast path. */
  static boolean mayBeEscaped(CharSequence s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c == '%' || c == '\\') {
        return true;
      }
    }
    return false;
  }

  /** The decoded text, or null when nothing in {@code s} decodes. */
  static EscapedText decode(String s) {
    int n = s.length();
    StringBuilder out = null;
    int[] from = null;
    int[] to = null;
    int i = 0;
    while (i < n) {
      int start = i;
      int cp = -1;
      char c = s.charAt(i);
      if (c == '%') {
        if (i + 5 < n && (s.charAt(i + 1) == 'u' || s.charAt(i + 1) == 'U') && hex(s, i + 2, 4) >= 0) {
          cp = hex(s, i + 2, 4);
          i += 6;
        } else if (hex(s, i + 1, 2) >= 0) {
          long r = utf8(s, i);
          cp = (int) (r >>> 32);
          i = (int) r;
        }
      } else if (c == '\\' && i + 1 < n) {
        char e = s.charAt(i + 1);
        cp = switch (e) {
          case '"', '\\', '/', '\'' -> e;
          case 'b' -> '\b';
          case 'f' -> '\f';
          case 'n' -> '\n';
          case 'r' -> '\r';
          case 't' -> '\t';
          case 'u' -> hex(s, i + 2, 4);
          default -> -1;
        };
        if (cp >= 0) {
          i += e == 'u' ? 6 : 2;
        }
      }
      if (cp < 0) {
        i = start + 1;
        cp = c;
        if (out == null) {
          continue; // nothing decoded yet: the prefix is copied when the first escape turns up
        }
      } else if (out == null) {
        out = new StringBuilder(n);
        from = new int[n];
        to = new int[n];
        for (int k = 0; k < start; k++) {
          out.append(s.charAt(k));
          from[k] = k;
          to[k] = k + 1;
        }
      }
      int at = out.length();
      out.appendCodePoint(cp);
      for (int k = at; k < out.length(); k++) {
        from[k] = start;
        to[k] = i;
      }
    }
    return out == null ? null : new EscapedText(out.toString(), from, to);
  }

  /** This text decoded once more, its ranges still pointing into the original; null when nothing decodes. */
  EscapedText decodeAgain() {
    EscapedText next = decode(text);
    if (next == null) {
      return null;
    }
    int[] f = new int[next.text.length()];
    int[] t = new int[f.length];
    for (int k = 0; k < f.length; k++) {
      f[k] = from[next.from[k]];
      t[k] = to[next.to[k] - 1];
    }
    return new EscapedText(next.text, f, t);
  }

  /** One UTF-8 sequence of {@code %XX} escapes at {@code i}: code point in the high half, end in the low. */
  private static long utf8(String s, int i) {
    int b0 = hex(s, i + 1, 2);
    int extra = b0 >= 0xF0 && b0 <= 0xF4 ? 3 : b0 >= 0xE0 ? 2 : b0 >= 0xC2 && b0 <= 0xDF ? 1 : 0;
    if (b0 >= 0xF5) {
      extra = 0;
    }
    int cp = extra == 3 ? b0 & 0x07 : extra == 2 ? b0 & 0x0F : extra == 1 ? b0 & 0x1F : b0;
    int j = i + 3;
    for (int k = 0; k < extra; k++, j += 3) {
      int b = j < s.length() && s.charAt(j) == '%' ? hex(s, j + 1, 2) : -1;
      if ((b & 0xC0) != 0x80) {
        return ((long) b0 << 32) | (i + 3); // not UTF-8: the byte alone, as Latin-1 (escape() writes those)
      }
      cp = cp << 6 | (b & 0x3F);
    }
    if (extra > 0 && (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) || cp < (extra == 1 ? 0x80 : extra == 2 ? 0x800 : 0x10000))) {
      return ((long) b0 << 32) | (i + 3);
    }
    return ((long) cp << 32) | j;
  }

  /** The value of {@code len} hex digits at {@code at}, or -1. */
  private static int hex(String s, int at, int len) {
    if (at + len > s.length()) {
      return -1;
    }
    int v = 0;
    for (int k = at; k < at + len; k++) {
      char c = s.charAt(k);
      int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (d < 0) {
        return -1;
      }
      v = v << 4 | d;
    }
    return v;
  }
}
