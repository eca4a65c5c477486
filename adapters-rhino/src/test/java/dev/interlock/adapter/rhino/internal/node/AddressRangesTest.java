package dev.interlock.adapter.rhino.internal.node;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every special-purpose range, and every IPv6 form that carries an IPv4 address. */
class AddressRangesTest {

  private static byte[] address(String text) throws IpLiterals.InvalidLiteral {
    return text.contains(":") ? IpLiterals.parseIpv6(text) : IpLiterals.parseIpv4(text);
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(delimiter = '|', textBlock = """
      0.0.0.0               | an unspecified address
      0.1.2.3               | a "this network" (reserved) address
      10.0.0.1              | a private address
      10.255.255.255        | a private address
      100.64.0.1            | a carrier-grade NAT (shared) address
      100.127.255.254       | a carrier-grade NAT (shared) address
      127.0.0.1             | a loopback address
      127.255.0.9           | a loopback address
      169.254.169.254       | a link-local (cloud metadata) address
      172.16.0.1            | a private address
      172.31.255.255        | a private address
      192.0.0.8             | an IETF protocol assignment (reserved) address
      192.0.2.1             | a documentation address
      192.88.99.1           | a 6to4 relay anycast (deprecated) address
      192.168.1.1           | a private address
      198.18.0.1            | a benchmarking address
      198.19.255.255        | a benchmarking address
      198.51.100.7          | a documentation address
      203.0.113.9           | a documentation address
      224.0.0.1             | a multicast address
      239.255.255.250       | a multicast address
      240.0.0.1             | a reserved address
      255.255.255.255       | a broadcast address
      ::                    | an unspecified address
      ::1                   | a loopback address
      100::1                | a discard-only address
      64:ff9b:1::8.8.8.8    | a local-use NAT64 address
      2001:2::1             | a benchmarking address
      2001:10::1            | an ORCHID (deprecated) address
      2001:db8::1           | a documentation address
      3fff::1               | a documentation address
      5f00::1               | a segment routing (SRv6) address
      fc00::1               | a unique-local (private) address
      fd00:ec2::254         | a unique-local (private) address
      fe80::1               | a link-local address
      febf::1               | a link-local address
      fec0::1               | a site-local (private) address
      ff02::1               | a multicast address
      """)
  void namesEveryNonPublicRange(String text, String kind) throws Exception {
    byte[] a = address(text);

    String verdict = AddressRanges.nonPublic(a);

    assertThat(verdict).isEqualTo(kind);
  }

  @ParameterizedTest(name = "{0} unwraps to {1}")
  @CsvSource(delimiter = '|', textBlock = """
      ::ffff:127.0.0.1          | an IPv4-mapped IPv6 address for 127.0.0.1, a loopback address
      ::ffff:a9fe:a9fe          | an IPv4-mapped IPv6 address for 169.254.169.254, a link-local (cloud metadata) address
      ::ffff:0:10.0.0.1         | an IPv4-translated (SIIT) IPv6 address for 10.0.0.1, a private address
      ::127.0.0.1               | an IPv4-compatible IPv6 address for 127.0.0.1, a loopback address
      ::192.168.0.1             | an IPv4-compatible IPv6 address for 192.168.0.1, a private address
      64:ff9b::127.0.0.1        | a NAT64 IPv6 address for 127.0.0.1, a loopback address
      64:ff9b::a9fe:a9fe        | a NAT64 IPv6 address for 169.254.169.254, a link-local (cloud metadata) address
      64:ff9b::100.64.0.1       | a NAT64 IPv6 address for 100.64.0.1, a carrier-grade NAT (shared) address
      2002:7f00:1::             | a 6to4 IPv6 address for 127.0.0.1, a loopback address
      2002:a9fe:a9fe:1::1       | a 6to4 IPv6 address for 169.254.169.254, a link-local (cloud metadata) address
      2002:c0a8:101::           | a 6to4 IPv6 address for 192.168.1.1, a private address
      2001:0:7f00:1::           | a Teredo IPv6 (server) address for 127.0.0.1, a loopback address
      2001:0:808:808::80ff:fefe | a Teredo IPv6 address for client 127.0.1.1, a loopback address
      2001:0:808:808::f5ff:fffe | a Teredo IPv6 address for client 10.0.0.1, a private address
      2001:0:808:808:0:0:5601:5601 | a Teredo IPv6 address for client 169.254.169.254, a link-local (cloud metadata) address
      """)
  void judgesIpv6FormsByTheIpv4AddressTheyCarry(String text, String kind) throws Exception {
    byte[] a = address(text);

    String verdict = AddressRanges.nonPublic(a);

    assertThat(verdict).isEqualTo(kind);
  }

  @ParameterizedTest(name = "{0} is public")
  @CsvSource(textBlock = """
      8.8.8.8
      1.1.1.1
      93.184.215.14
      100.63.255.255
      100.128.0.0
      172.15.255.255
      172.32.0.0
      192.0.1.1
      192.169.0.1
      198.17.255.255
      198.20.0.0
      223.255.255.255
      2606:4700:4700::1111
      2a00:1450:4001:80b::200e
      ::ffff:8.8.8.8
      ::ffff:0:8.8.8.8
      64:ff9b::8.8.8.8
      2002:808:808::1
      2001:0:808:808::f7f7:f7f7
      2001:3::1
      fbff::1
      fe7f::1
      """)
  void leavesPublicAddressesAndFormsCarryingPublicOnesAlone(String text) throws Exception {
    byte[] a = address(text);

    String verdict = AddressRanges.nonPublic(a);

    assertThat(verdict).isNull();
  }
}
