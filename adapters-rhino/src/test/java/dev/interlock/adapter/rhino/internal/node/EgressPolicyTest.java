package dev.interlock.adapter.rhino.internal.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.adapter.rhino.RhinoEgress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class EgressPolicyTest {
  private final EgressPolicy listed = new EgressPolicy(RhinoEgress.defaults()
      .withAllowPublicHosts(false)
      .withAllowedHosts(List.of("api.example.test", "*.corp.test", "10.0.0.5:8443", "[::1]:9000")));

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
  void publicAddressesPassAndInternalOnesAreNamed() throws Exception {
    EgressPolicy open = new EgressPolicy(RhinoEgress.defaults());

    assertThat(open.deny(URI.create("https://93.184.215.14/"))).isNull();
    assertThat(open.deny(URI.create("http://100.64.0.1/"))).contains("reserved or private");
    assertThat(open.deny(URI.create("http://[fe80::1]/"))).contains("link-local");
    assertThat(open.deny(URI.create("http://224.0.0.1/"))).contains("multicast");
  }

  @Test
  void rejectsMalformedAllowListEntries() {
    for (String bad : List.of("https://a.com", "a.com/path", "user@a.com", "a.com:http", "")) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> RhinoEgress.defaults().withAllowedHosts(List.of(bad)))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("allowedHosts entry '" + bad + "'");
    }
  }
}
