package dev.interlock.adapter.rhino.internal.node;

import java.math.BigInteger;

/**
 * IP address literals in URL hosts, read the way the WHATWG URL standard (and so Node's and the
 * script's {@code URL}) reads them: {@code 0177.0.0.1}, {@code 127.1}, {@code 0x7f000001} and
 * {@code 2130706433} are all 127.0.0.1. The JDK reads some of these differently (it takes
 * {@code 0177} as decimal), so the egress check and the connection both use the address parsed
 * here, written back in one unambiguous form.
 */
final class IpLiterals {
  private static final BigInteger MAX_IPV4 = BigInteger.valueOf(0xffffffffL);

  private IpLiterals() {}

  /** Thrown for a host that must be an IP address but is not a valid one. */
  static final class InvalidLiteral extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidLiteral(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Whether a (percent-decoded, lower-case) host ends in a number, which makes it an IPv4 address
   * that must parse as one, never a domain name (the standard's "ends in a number checker").
   */
  static boolean endsInNumber(String host) {
    String[] parts = host.split("\\.", -1);
    int last = parts.length - 1;
    if (parts[last].isEmpty()) {
      if (parts.length == 1) {
        return false;
      }
      last--;
    }
    String part = parts[last];
    if (!part.isEmpty() && part.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return true;
    }
    return number(part) != null;
  }

  /** The standard's IPv4 parser: up to four parts, each decimal, octal (0...) or hex (0x...). */
  static byte[] parseIpv4(String host) throws InvalidLiteral {
    String[] parts = host.split("\\.", -1);
    int count = parts.length;
    if (count > 1 && parts[count - 1].isEmpty()) {
      count--;
    }
    if (count > 4) {
      throw new InvalidLiteral("'" + host + "' has more than four parts, so it is not a valid IPv4 address");
    }
    BigInteger[] numbers = new BigInteger[count];
    for (int i = 0; i < count; i++) {
      numbers[i] = number(parts[i]);
      if (numbers[i] == null) {
        throw new InvalidLiteral("'" + host + "' is not a valid IPv4 address: part '" + parts[i] + "' is not a number");
      }
      if (i < count - 1 && numbers[i].compareTo(BigInteger.valueOf(255)) > 0) {
        throw new InvalidLiteral("'" + host + "' is not a valid IPv4 address: part '" + parts[i] + "' is above 255");
      }
    }
    // The last part fills the bytes the others left: 127.1 is 127.0.0.1.
    BigInteger limit = BigInteger.ONE.shiftLeft(8 * (5 - count));
    if (numbers[count - 1].compareTo(limit) >= 0) {
      throw new InvalidLiteral("'" + host + "' is not a valid IPv4 address: it is out of range");
    }
    long value = numbers[count - 1].longValue();
    for (int i = 0; i < count - 1; i++) {
      value += numbers[i].longValue() << (8 * (3 - i));
    }
    if (BigInteger.valueOf(value).compareTo(MAX_IPV4) > 0) {
      throw new InvalidLiteral("'" + host + "' is not a valid IPv4 address: it is out of range");
    }
    return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
  }

  /** One IPv4 part, or null when it is not a number in its radix. */
  private static BigInteger number(String part) {
    if (part.isEmpty()) {
      return null;
    }
    int radix = 10;
    String digits = part;
    if (part.length() >= 2 && (part.startsWith("0x") || part.startsWith("0X"))) {
      radix = 16;
      digits = part.substring(2);
    } else if (part.length() >= 2 && part.charAt(0) == '0') {
      radix = 8;
      digits = part.substring(1);
    }
    if (digits.isEmpty()) {
      return BigInteger.ZERO;
    }
    for (int i = 0; i < digits.length(); i++) {
      if (Character.digit(digits.charAt(i), radix) < 0 || digits.charAt(i) > 0x7f) {
        return null;
      }
    }
    return new BigInteger(digits, radix);
  }

  /**
   * The standard's IPv6 parser, for the text between the brackets: eight 16-bit pieces, one
   * {@code ::} for a run of zeros, optionally ending in a dotted-decimal IPv4 address.
   */
  static byte[] parseIpv6(String text) throws InvalidLiteral {
    int[] pieces = new int[8];
    int piece = 0;
    int compress = -1;
    int i = 0;
    int n = text.length();
    InvalidLiteral invalid = new InvalidLiteral("'[" + text + "]' is not a valid IPv6 address");
    if (n > 0 && text.charAt(0) == ':') {
      if (!text.startsWith("::")) {
        throw invalid;
      }
      i = 2;
      compress = ++piece - 1;
    }
    while (i < n) {
      if (piece == 8) {
        throw invalid;
      }
      if (text.charAt(i) == ':') {
        if (compress >= 0) {
          throw invalid;
        }
        i++;
        compress = ++piece - 1;
        continue;
      }
      int value = 0;
      int length = 0;
      while (length < 4 && i < n && Character.digit(text.charAt(i), 16) >= 0 && text.charAt(i) < 0x80) {
        value = value * 16 + Character.digit(text.charAt(i), 16);
        i++;
        length++;
      }
      if (i < n && text.charAt(i) == '.') {
        if (length == 0 || piece > 6) {
          throw invalid;
        }
        i -= length;
        byte[] v4 = dottedQuad(text.substring(i), invalid);
        pieces[piece++] = (v4[0] & 0xff) << 8 | v4[1] & 0xff;
        pieces[piece++] = (v4[2] & 0xff) << 8 | v4[3] & 0xff;
        i = n;
        break;
      }
      if (i < n && text.charAt(i) == ':') {
        i++;
        if (i == n) {
          throw invalid;
        }
      } else if (i < n) {
        throw invalid;
      }
      if (length == 0) {
        throw invalid;
      }
      pieces[piece++] = value;
    }
    if (compress >= 0) {
      int moved = piece - compress;
      System.arraycopy(pieces, compress, pieces, 8 - moved, moved);
      java.util.Arrays.fill(pieces, compress, 8 - moved, 0);
    } else if (piece != 8) {
      throw invalid;
    }
    byte[] out = new byte[16];
    for (int k = 0; k < 8; k++) {
      out[2 * k] = (byte) (pieces[k] >>> 8);
      out[2 * k + 1] = (byte) pieces[k];
    }
    return out;
  }

  /** The IPv4 tail of an IPv6 literal: exactly four decimal parts, no leading zeros. */
  private static byte[] dottedQuad(String text, InvalidLiteral invalid) throws InvalidLiteral {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      throw invalid;
    }
    byte[] out = new byte[4];
    for (int k = 0; k < 4; k++) {
      String p = parts[k];
      if (p.isEmpty() || p.length() > 3 || p.length() > 1 && p.charAt(0) == '0'
          || !p.chars().allMatch(c -> c >= '0' && c <= '9') || Integer.parseInt(p) > 255) {
        throw invalid;
      }
      out[k] = (byte) Integer.parseInt(p);
    }
    return out;
  }

  /** The standard's serialization: dotted decimal, or lower-case hex with the longest zero run as {@code ::}. */
  static String format(byte[] address) {
    if (address.length == 4) {
      return (address[0] & 0xff) + "." + (address[1] & 0xff) + "." + (address[2] & 0xff) + "." + (address[3] & 0xff);
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int k = 0; k < 8; k++) {
      int length = 0;
      while (k + length < 8 && address[2 * (k + length)] == 0 && address[2 * (k + length) + 1] == 0) {
        length++;
      }
      if (length > bestLength) {
        bestStart = k;
        bestLength = length;
      }
    }
    StringBuilder out = new StringBuilder();
    for (int k = 0; k < 8; k++) {
      if (k == bestStart) {
        out.append(k == 0 ? "::" : ":");
        k += bestLength - 1;
        continue;
      }
      out.append(Integer.toHexString((address[2 * k] & 0xff) << 8 | address[2 * k + 1] & 0xff));
      if (k < 7) {
        out.append(':');
      }
    }
    return out.toString();
  }
}
