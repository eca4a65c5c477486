package dev.interlock.adapter.rhino.internal.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The WHATWG URL standard's IPv4 and IPv6 parsers, as Node's URL applies them. */
class IpLiteralsTest {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(delimiter = '|', textBlock = """
      127.0.0.1           | 127.0.0.1
      127.1               | 127.0.0.1
      127.0.1             | 127.0.0.1
      0x7f000001          | 127.0.0.1
      0X7F000001          | 127.0.0.1
      2130706433          | 127.0.0.1
      0177.0.0.1          | 127.0.0.1
      0177.1              | 127.0.0.1
      017700000001        | 127.0.0.1
      0x7f.1              | 127.0.0.1
      0x7f.0.0.0x1        | 127.0.0.1
      127.0.0.1.          | 127.0.0.1
      0x                  | 0.0.0.0
      0                   | 0.0.0.0
      00                  | 0.0.0.0
      0x0.0x.0            | 0.0.0.0
      0xa9fea9fe          | 169.254.169.254
      169.254.43518       | 169.254.169.254
      10.0xffffff         | 10.255.255.255
      4294967295          | 255.255.255.255
      0x00000000000000007f.1 | 127.0.0.1
      192.168.0.010       | 192.168.0.8
      """)
  void readsIpv4LiteralsAsTheUrlStandardDoes(String host, String address) throws Exception {
    boolean literal = IpLiterals.endsInNumber(host);

    byte[] parsed = IpLiterals.parseIpv4(host);

    assertThat(literal).isTrue();
    assertThat(IpLiterals.format(parsed)).isEqualTo(address);
  }

  @ParameterizedTest(name = "{0} is not an IPv4 address")
  @ValueSource(strings = {
      "1.2.3.4.5", "256.0.0.1", "1.256.0.1", "127.0.0.256", "4294967296", "0x100000000", "127.16777216",
      "127.0.65536", "08", "0189.0.0.1", "0x7g.1", "1..2", ".1", "foo.1", "foo.0x", "example.09"})
  void refusesInvalidIpv4LiteralsInsteadOfLookingThemUp(String host) {
    boolean literal = IpLiterals.endsInNumber(host);

    assertThat(literal).as("ends in a number").isTrue();
    assertThatThrownBy(() -> IpLiterals.parseIpv4(host))
        .isInstanceOf(IpLiterals.InvalidLiteral.class)
        .hasMessageContaining("'" + host + "'")
        .hasMessageContaining("not a valid IPv4 address");
  }

  @ParameterizedTest(name = "{0} is a name")
  @ValueSource(strings = {"example.com", "1.example", "0x7f.example", "127.0.0.1.nip.io", "0xg", "a1", "localhost", ".", "1.2.3.4..", "1.2.3.-1"})
  void leavesNamesThatDoNotEndInANumberToDns(String host) {
    boolean literal = IpLiterals.endsInNumber(host);

    assertThat(literal).isFalse();
  }

  @ParameterizedTest(name = "[{0}] is [{1}]")
  @CsvSource(delimiter = '|', textBlock = """
      ::1                     | ::1
      0:0:0:0:0:0:0:1         | ::1
      ::                      | ::
      ::ffff:127.0.0.1        | ::ffff:7f00:1
      ::ffff:0:127.0.0.1      | ::ffff:0:7f00:1
      ::127.0.0.1             | ::7f00:1
      64:ff9b::169.254.169.254 | 64:ff9b::a9fe:a9fe
      2001:DB8:0:0:1:0:0:1    | 2001:db8::1:0:0:1
      2001:0db8::0001         | 2001:db8::1
      1:2:3:4:5:6:7::         | 1:2:3:4:5:6:7:0
      ::2:3:4:5:6:7:8         | 0:2:3:4:5:6:7:8
      1:0:0:2:0:0:3:4         | 1::2:0:0:3:4
      1:0:0:2::3              | 1:0:0:2::3
      fe80::1                 | fe80::1
      """)
  void readsAndWritesIpv6LiteralsAsTheUrlStandardDoes(String text, String canonical) throws Exception {
    byte[] parsed = IpLiterals.parseIpv6(text);

    String written = IpLiterals.format(parsed);

    assertThat(written).isEqualTo(canonical);
  }

  @ParameterizedTest(name = "[{0}] is not an IPv6 address")
  @ValueSource(strings = {
      "", ":", ":1", "1:", "1:::2", "1::2::3", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "12345::", "g::",
      "::1.2.3", "::1.2.3.4.5", "::01.2.3.4", "::256.0.0.1", "1:2:3:4:5:6:7:1.2.3.4", "::0x7f.0.0.1", "fe80::1%eth0"})
  void refusesInvalidIpv6Literals(String text) {
    assertThatThrownBy(() -> IpLiterals.parseIpv6(text))
        .isInstanceOf(IpLiterals.InvalidLiteral.class)
        .hasMessageContaining("not a valid IPv6 address");
  }
}
