package dev.interlock.adapter.rhino;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The default egress policy: internal addresses are denied, however the URL spells them and
 * after DNS resolution; listed hosts are reached at the address that was checked.
 */
class NodeEgressTest {
  private static TestHttpServer server;
  private static NodeScripts defaults;
  private static NodeScripts listedOnly;
  private static NodeScripts listedAndPublic;

  @BeforeAll
  static void start() throws IOException {
    server = new TestHttpServer();
    defaults = NodeScripts.shared();
    listedOnly = NodeScripts.with(RhinoConfig.defaults().withEgress(
        RhinoEgress.defaults().withAllowPublicHosts(false)
            .withAllowedHosts(List.of("localhost:" + server.port(), "127.0.0.1:" + server.port()))));
    // The test server itself is listed, so its redirects are followed; where they lead is checked anew.
    listedAndPublic = NodeScripts.with(RhinoConfig.defaults().withEgress(
        RhinoEgress.defaults().withAllowedHosts(List.of("127.0.0.1:" + server.port()))));
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

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "http://0177.0.0.1:PORT/hello", "http://127.1:PORT/hello", "http://2130706433:PORT/hello", "http://0x7f.1:PORT/hello",
      "http://0x7f000001:PORT/hello", "http://[::ffff:127.0.0.1]:PORT/", "http://[::ffff:0:7f00:1]:PORT/",
      "http://[::127.0.0.1]:PORT/", "http://[64:ff9b::7f00:1]:PORT/",
      "http://[2002:7f00:1::]:PORT/", "http://[2001:0:7f00:1::]:PORT/", "http://[2001:0:808:808::80ff:fffe]:PORT/"})
  void deniesLoopbackHowEverItIsSpelled(String url) {
    int before = server.hits.get();

    Object r = attempt(defaults, url.replace("PORT", String.valueOf(server.port())));

    assertThat((String) r).startsWith("EGRESS_DENIED: fetch failed: request to ").contains("loopback address")
        .endsWith("which actions may not reach");
    assertThat(server.hits.get()).isEqualTo(before);
  }

  @Test
  void deniesSpecialPurposeRangesBeyondThePrivateOnes() {
    List<String> urls = List.of("http://100.64.0.1/", "http://192.0.0.170/", "http://198.18.0.1/", "http://240.0.0.1/",
        "http://255.255.255.255/", "http://224.0.0.251/", "http://[::]/", "http://[fe80::1]/", "http://[fec0::1]/",
        "http://[ff02::1]/", "http://[2001:db8::1]/", "http://203.0.113.5/", "http://[64:ff9b:1::808:808]/");

    List<Object> results = urls.stream().map(u -> attempt(defaults, u)).toList();

    assertThat(results).allSatisfy(r -> assertThat((String) r).startsWith("EGRESS_DENIED: ").endsWith("which actions may not reach"));
  }

  @Test
  void deniesARedirectToAnInternalAddressTheJdkWouldReadAsPublic() {
    // java.net.URI reads 0177.0.0.1 as 177.0.0.1 and hands 0251.0376.0251.0376 to the system resolver.
    String octal = server.url("/redirect-to?" + "http://0177.0.0.1:1/hello");
    String metadata = server.url("/redirect-to?" + "http://0251.0376.0251.0376/latest/meta-data/");

    Object toOctal = attempt(listedAndPublic, octal);
    Object toMetadata = attempt(listedAndPublic, metadata);

    assertThat((String) toOctal).startsWith("EGRESS_DENIED: ")
        .endsWith("host '127.0.0.1' resolves to 127.0.0.1, a loopback address, which actions may not reach");
    assertThat((String) toMetadata).startsWith("EGRESS_DENIED: ").endsWith("host '169.254.169.254' resolves to "
        + "169.254.169.254, a link-local (cloud metadata) address, which actions may not reach");
  }

  @Test
  void anAllowedAddressIsReachedInAnyOfItsSpellingsAtTheAddressThatWasChecked() {
    String port = String.valueOf(server.port());

    Object r = listedOnly.eval(String.join("\n",
        "const out = [];",
        "for (const url of ['http://0x7f.1:" + port + "/hello', 'http://2130706433:" + port + "/hello',",
        "    'http://0177.0.0.1:" + port + "/hello']) {",
        "  const res = await fetch(url);",
        "  out.push(res.status + ' ' + res.url);",
        "}",
        "return out;"));

    String expected = "200 http://127.0.0.1:" + port + "/hello";
    assertThat(r).isEqualTo(List.of(expected, expected, expected));
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
