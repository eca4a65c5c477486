package dev.interlock.adapter.rhino.internal.node;

import java.util.Arrays;
import java.util.List;

/**
 * Which IP addresses actions may not reach: the IANA special-purpose ranges that are not
 * globally reachable (loopback, private, link-local, shared, documentation, benchmarking,
 * reserved, multicast, ...). IPv6 forms that carry an IPv4 address (IPv4-mapped and -compatible,
 * SIIT, NAT64, 6to4, Teredo) are unwrapped, recursively, and judged by the IPv4 address they
 * lead to, so {@code ::ffff:127.0.0.1} or {@code 2002:7f00:1::} is as internal as 127.0.0.1.
 */
final class AddressRanges {
  private record Range(byte[] prefix, int bits, String kind) {
    boolean contains(byte[] address) {
      if (address.length != prefix.length) {
        return false;
      }
      for (int i = 0; i < bits; i++) {
        int mask = 0x80 >>> (i % 8);
        if ((address[i / 8] & mask) != (prefix[i / 8] & mask)) {
          return false;
        }
      }
      return true;
    }
  }

  // Specific before general: 255.255.255.255 is named broadcast, not reserved.
  private static final List<Range> RANGES = List.of(
      range("0.0.0.0/32", "an unspecified"),
      range("0.0.0.0/8", "a \"this network\" (reserved)"),
      range("10.0.0.0/8", "a private"),
      range("100.64.0.0/10", "a carrier-grade NAT (shared)"),
      range("127.0.0.0/8", "a loopback"),
      range("169.254.0.0/16", "a link-local (cloud metadata)"),
      range("172.16.0.0/12", "a private"),
      range("192.0.0.0/24", "an IETF protocol assignment (reserved)"),
      range("192.0.2.0/24", "a documentation"),
      range("192.88.99.0/24", "a 6to4 relay anycast (deprecated)"),
      range("192.168.0.0/16", "a private"),
      range("198.18.0.0/15", "a benchmarking"),
      range("198.51.100.0/24", "a documentation"),
      range("203.0.113.0/24", "a documentation"),
      range("224.0.0.0/4", "a multicast"),
      range("255.255.255.255/32", "a broadcast"),
      range("240.0.0.0/4", "a reserved"),
      range("::/128", "an unspecified"),
      range("::1/128", "a loopback"),
      range("100::/64", "a discard-only"),
      range("64:ff9b:1::/48", "a local-use NAT64"),
      range("2001:2::/48", "a benchmarking"),
      range("2001:10::/28", "an ORCHID (deprecated)"),
      range("2001:db8::/32", "a documentation"),
      range("3fff::/20", "a documentation"),
      range("5f00::/16", "a segment routing (SRv6)"),
      range("fc00::/7", "a unique-local (private)"),
      range("fe80::/10", "a link-local"),
      range("fec0::/10", "a site-local (private)"),
      range("ff00::/8", "a multicast"));

  private static final Range MAPPED = range("::ffff:0:0/96", "");
  private static final Range COMPATIBLE = range("::/96", "");
  private static final Range SIIT = range("::ffff:0:0:0/96", "");
  private static final Range NAT64 = range("64:ff9b::/96", "");
  private static final Range SIX_TO_FOUR = range("2002::/16", "");
  private static final Range TEREDO = range("2001::/32", "");

  private AddressRanges() {}

  /**
   * Why {@code address} (4 or 16 bytes) may not be reached, as "a loopback address" or "an
   * IPv4-mapped IPv6 address for 127.0.0.1, a loopback address"; null for a public address.
   */
  static String nonPublic(byte[] address) {
    for (Range r : RANGES) {
      if (r.contains(address)) {
        return r.kind() + " address";
      }
    }
    if (address.length == 4) {
      return null;
    }
    String mapped = embedded(address, MAPPED, 12, "an IPv4-mapped IPv6");
    if (mapped == null) {
      mapped = embedded(address, SIIT, 12, "an IPv4-translated (SIIT) IPv6");
    }
    if (mapped == null) {
      mapped = embedded(address, COMPATIBLE, 12, "an IPv4-compatible IPv6");
    }
    if (mapped == null) {
      mapped = embedded(address, NAT64, 12, "a NAT64 IPv6");
    }
    if (mapped == null) {
      mapped = embedded(address, SIX_TO_FOUR, 2, "a 6to4 IPv6");
    }
    if (mapped == null && TEREDO.contains(address)) {
      // Teredo carries the relay server's IPv4 in bits 32-63 and the client's, inverted, in 96-127.
      mapped = embedded(address, TEREDO, 4, "a Teredo IPv6 (server)");
      if (mapped == null) {
        byte[] client = Arrays.copyOfRange(address, 12, 16);
        for (int i = 0; i < 4; i++) {
          client[i] = (byte) ~client[i];
        }
        String kind = nonPublic(client);
        mapped = kind == null ? null : "a Teredo IPv6 address for client " + IpLiterals.format(client) + ", " + kind;
      }
    }
    return mapped;
  }

  /** The verdict on the IPv4 address at {@code offset} when {@code address} is in {@code range}. */
  private static String embedded(byte[] address, Range range, int offset, String form) {
    if (!range.contains(address)) {
      return null;
    }
    byte[] v4 = Arrays.copyOfRange(address, offset, offset + 4);
    String kind = nonPublic(v4);
    return kind == null ? null : form + " address for " + IpLiterals.format(v4) + ", " + kind;
  }

  private static Range range(String cidr, String kind) {
    int slash = cidr.indexOf('/');
    String text = cidr.substring(0, slash);
    try {
      byte[] prefix = text.contains(":") ? IpLiterals.parseIpv6(text) : IpLiterals.parseIpv4(text);
      return new Range(prefix, Integer.parseInt(cidr.substring(slash + 1)), kind);
    } catch (IpLiterals.InvalidLiteral e) {
      throw new IllegalStateException(cidr, e);
    }
  }
}
