package dev.interlock.adapter.rhino.internal.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interlock.adapter.rhino.RhinoEgress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EgressPolicyTest {
  private final EgressPolicy open = new EgressPolicy(RhinoEgress.defaults());
  private final EgressPolicy listed = new EgressPolicy(RhinoEgress.defaults()
      .withAllowPublicHosts(false)
      .withAllowedHosts(List.of("api.example.test", "*.corp.test", "10.0.0.5:8443", "[::1]:9000", "192.0.2.7")));

  @Test
  void allowListMatchesHostsWildcardSubdomainsAndPorts() {
    assertThat(listed.deny(URI.create("https://api.example.test/v1"))).isNull();
    assertThat(listed.deny(URI.create("https://a.b.corp.test/"))).isNull();
    assertThat(listed.deny(URI.create("https://10.0.0.5:8443/"))).isNull();
    assertThat(listed.deny(URI.create("http://[::1]:9000/"))).isNull();
    assertThat(listed.deny(URI.create("http://[::1]:9001/"))).contains("not on the egress allow list");

    assertThat(listed.deny(URI.create("https://corp.test/"))).contains("not on the egress allow list");
    assertThat(listed.deny(URI.create("https://evilcorp.test/"))).contains("not on the egress allow list");
    assertThat(listed.deny(URI.create("https://10.0.0.5/"))).contains("not on the egress allow list");
    assertThat(listed.deny(URI.create("https://other.example.test/"))).contains("'other.example.test'");
  }

  @Test
  void allowListMatchesLiteralsInAnyOfTheirSpellings() {
    URI octal = URI.create("https://012.0.0.5:8443/");
    URI hex = URI.create("https://0xa000005:8443/");
    URI longV6 = URI.create("http://[0:0:0:0:0:0:0:1]:9000/");

    EgressPolicy.Verdict verdict = listed.check(hex);

    assertThat(listed.deny(octal)).isNull();
    assertThat(listed.deny(longV6)).isNull();
    assertThat(verdict).isEqualTo(new EgressPolicy.Allowed(URI.create("https://10.0.0.5:8443/")));
  }

  @Test
  void publicAddressesPassAndInternalOnesAreNamed() {
    assertThat(open.deny(URI.create("https://93.184.215.14/"))).isNull();
    assertThat(open.deny(URI.create("http://100.64.0.1/"))).contains("carrier-grade NAT");
    assertThat(open.deny(URI.create("http://[fe80::1]/"))).contains("link-local");
    assertThat(open.deny(URI.create("http://224.0.0.1/"))).contains("multicast");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      http://0177.0.0.1/                 | host '127.0.0.1' resolves to 127.0.0.1, a loopback address
      http://127.1:8080/                 | host '127.0.0.1' resolves to 127.0.0.1, a loopback address
      http://0x7f000001/                 | host '127.0.0.1' resolves to 127.0.0.1, a loopback address
      http://2130706433/                 | host '127.0.0.1' resolves to 127.0.0.1, a loopback address
      http://0x7f.1/                     | host '127.0.0.1' resolves to 127.0.0.1, a loopback address
      http://127.0.0.1./                 | host '127.0.0.1' resolves to 127.0.0.1, a loopback address
      http://%31%32%37.0.0.1/            | host '127.0.0.1' resolves to 127.0.0.1, a loopback address
      http://0xa9fea9fe/latest/meta-data | host '169.254.169.254' resolves to 169.254.169.254, a link-local
      http://user@0251.0376.0251.0376/   | host '169.254.169.254' resolves to 169.254.169.254, a link-local
      http://[::ffff:127.0.0.1]/         | an IPv4-mapped IPv6 address for 127.0.0.1, a loopback address
      http://[::ffff:0:7f00:1]/          | an IPv4-translated (SIIT) IPv6 address for 127.0.0.1
      http://[::7f00:1]/                 | an IPv4-compatible IPv6 address for 127.0.0.1
      http://[64:ff9b::a9fe:a9fe]/       | a NAT64 IPv6 address for 169.254.169.254
      http://[64:ff9b:1::1]/             | a local-use NAT64 address
      http://[2002:a00:1::]/             | a 6to4 IPv6 address for 10.0.0.1, a private address
      http://[2001:0:7f00:1::]/          | a Teredo IPv6 (server) address for 127.0.0.1
      http://[2001:0:808:808::80ff:fffe]/ | a Teredo IPv6 address for client 127.0.0.1
      http://[fec0::1]/                  | a site-local (private) address
      http://0.0.0.0/                    | an unspecified address
      http://[::]/                       | an unspecified address
      http://255.255.255.255/            | a broadcast address
      http://198.18.0.1/                 | a benchmarking address
      http://240.1.2.3/                  | a reserved address
      http://192.0.0.1/                  | an IETF protocol assignment (reserved) address
      """)
  void deniesInternalAddressesWhateverTheirSpelling(String url, String reason) {
    String denied = open.deny(URI.create(url));

    assertThat(denied).contains(reason).endsWith("which actions may not reach");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"http://1.2.3.4.5/", "http://256.0.0.1/", "http://0x100000000/", "http://08/", "http://foo.0x/"})
  void deniesHostsThatEndInANumberButAreNotValidIpv4Addresses(String url) {
    String denied = open.deny(URI.create(url));

    assertThat(denied).contains("not a valid IPv4 address");
  }

  @Test
  void connectsToTheAddressItCheckedNotToTheJdksReadingOfIt() {
    URI octal = URI.create("http://u:p@0010.0010.0010.0010:8080/a%20b?q=1#f");
    URI v6 = URI.create("https://[2606:4700:4700:0:0:0:0:1111]/");
    URI name = URI.create("https://Example.COM/x");

    EgressPolicy.Verdict literal = open.check(octal);
    EgressPolicy.Verdict bracketed = open.check(v6);
    EgressPolicy.Verdict unchanged = listed.check(URI.create("https://api.example.test/v1"));

    assertThat(literal).isEqualTo(new EgressPolicy.Allowed(URI.create("http://u:p@8.8.8.8:8080/a%20b?q=1#f")));
    assertThat(bracketed).isEqualTo(new EgressPolicy.Allowed(URI.create("https://[2606:4700:4700::1111]/")));
    assertThat(unchanged).isEqualTo(new EgressPolicy.Allowed(URI.create("https://api.example.test/v1")));
    assertThat(listed.deny(name)).isEqualTo("host 'example.com' is not on the egress allow list");
  }

  @Test
  void deniesNamesTheHttpClientWouldReadDifferently() {
    String underscore = open.deny(URI.create("http://exa_mple.com/"));
    String encoded = open.deny(URI.create("http://ex%61mple.com/"));
    String nonAscii = open.deny(URI.create("http://ex%C3%A4mple.com/"));

    assertThat(underscore).isEqualTo("host 'exa_mple.com' is not a valid host name");
    assertThat(encoded).isEqualTo("host 'example.com' is not a valid host name");
    assertThat(nonAscii).contains("internationalized names are not supported");
  }

  @Test
  void deniesNamesThatResolveToInternalAddresses() {
    String localhost = open.deny(URI.create("http://localhost:8080/"));

    assertThat(localhost).startsWith("host 'localhost' resolves to ").endsWith("a loopback address, which actions may not reach");
  }

  @Test
  void rejectsMalformedAllowListEntries() {
    for (String bad : List.of("https://a.com", "a.com/path", "user@a.com", "a.com:http", "")) {
      assertThatThrownBy(() -> RhinoEgress.defaults().withAllowedHosts(List.of(bad)))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("allowedHosts entry '" + bad + "'");
    }
  }
}
