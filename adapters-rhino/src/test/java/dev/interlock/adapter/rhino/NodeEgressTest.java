package dev.interlock.adapter.rhino;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The default egress policy: internal addresses are denied, after DNS resolution. */
class NodeEgressTest {
  private static TestHttpServer server;
  private static NodeScripts defaults;
  private static NodeScripts listedOnly;

  @BeforeAll
  static void start() throws IOException {
    server = new TestHttpServer();
    defaults = NodeScripts.shared();
    listedOnly = NodeScripts.with(RhinoConfig.defaults().withEgress(
        RhinoEgress.defaults().withAllowPublicHosts(false).withAllowedHosts(List.of("localhost:" + server.port()))));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Object attempt(NodeScripts js, String url) {
    return js.eval("try { await fetch('" + url + "'); return 'fetched'; } catch (e) { return e.code + ': ' + e.message; }");
  }

  @Test
  void deniesLoopbackByAddressAndByName() {
    int before = server.hits.get();

    Object byAddress = attempt(defaults, server.url("/hello"));
    Object byName = attempt(defaults, "http://localhost:" + server.port() + "/hello");
    Object ipv6 = attempt(defaults, "http://[::1]:" + server.port() + "/");

    assertThat(byAddress).isEqualTo("EGRESS_DENIED: fetch failed: request to 127.0.0.1 denied: host '127.0.0.1' resolves to "
        + "127.0.0.1, a loopback address, which actions may not reach");
    assertThat((String) byName).startsWith("EGRESS_DENIED: fetch failed: request to localhost denied: host 'localhost' resolves to ")
        .endsWith("a loopback address, which actions may not reach");
    assertThat((String) ipv6).contains("EGRESS_DENIED").contains("loopback");
    assertThat(server.hits.get()).isEqualTo(before);
  }

  @Test
  void deniesPrivateLinkLocalMetadataAndUnspecifiedAddresses() {
    List<Object> results = List.of(
        attempt(defaults, "http://10.1.2.3/"),
        attempt(defaults, "http://192.168.0.1/"),
        attempt(defaults, "http://172.16.5.4/"),
        attempt(defaults, "http://169.254.169.254/latest/meta-data/"),
        attempt(defaults, "http://100.100.100.200/"),
        attempt(defaults, "http://0.0.0.0/"),
        attempt(defaults, "http://[fd00:ec2::254]/"),
        attempt(defaults, "http://[::ffff:127.0.0.1]/"));

    assertThat(results).allSatisfy(r -> assertThat((String) r).startsWith("EGRESS_DENIED: "));
    assertThat((String) results.get(3)).contains("169.254.169.254").contains("link-local");
    assertThat((String) results.get(0)).contains("a private address");
  }

  @Test
  void deniesSchemesOtherThanHttp() {
    Object file = attempt(defaults, "file:///etc/passwd");

    assertThat(file).isEqualTo("EGRESS_DENIED: fetch failed: request to file:///etc/passwd denied: only http and https URLs can be fetched, not 'file:'");
  }

  @Test
  void anAllowListAdmitsTheListedHostAndPortOnly() {
    Object listed = listedOnly.eval("return (await fetch('http://localhost:" + server.port() + "/hello')).status;");
    Object otherPort = attempt(listedOnly, "http://localhost:1/hello");
    Object publicHost = attempt(listedOnly, "https://example.com/");

    assertThat(listed).isEqualTo(200L);
    assertThat(otherPort).isEqualTo("EGRESS_DENIED: fetch failed: request to localhost denied: host 'localhost' is not on the egress allow list");
    assertThat(publicHost).isEqualTo("EGRESS_DENIED: fetch failed: request to example.com denied: host 'example.com' is not on the egress allow list");
  }

  @Test
  void axiosGoesThroughTheSamePolicy() {
    Object r = defaults.eval(String.join("\n",
        "try { await require('axios').get('" + server.url("/hello") + "'); return 'fetched'; }",
        "catch (e) { return [e.name, e.code, e.message.includes(\"host '127.0.0.1'\")]; }"));

    assertThat(r).isEqualTo(List.of("AxiosError", "EGRESS_DENIED", true));
  }
}
