package dev.interlock.adapter.rhino;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How {@code URL} reads IP literals in hosts (the WHATWG host parser); expected values computed with Node 20. */
class NodeUrlHostsTest {
  private static final NodeScripts JS = NodeScripts.shared();

  @ParameterizedTest(name = "{0} has host {1}")
  @CsvSource(delimiter = '|', textBlock = """
      http://0177.0.0.1/                  | 127.0.0.1            | http://127.0.0.1/
      http://127.1/                       | 127.0.0.1            | http://127.0.0.1/
      http://0x7f000001/                  | 127.0.0.1            | http://127.0.0.1/
      http://2130706433/                  | 127.0.0.1            | http://127.0.0.1/
      http://0x7f.1/                      | 127.0.0.1            | http://127.0.0.1/
      http://127.0.0.1./                  | 127.0.0.1            | http://127.0.0.1/
      http://%31%32%37.0.0.1/             | 127.0.0.1            | http://127.0.0.1/
      http://0x/                          | 0.0.0.0              | http://0.0.0.0/
      http://0xa9fea9fe/                  | 169.254.169.254      | http://169.254.169.254/
      http://017700000001:8080/x          | 127.0.0.1            | http://127.0.0.1:8080/x
      http://192.168.0.010/               | 192.168.0.8          | http://192.168.0.8/
      http://0x00000000000000007f.1/      | 127.0.0.1            | http://127.0.0.1/
      http://[::ffff:127.0.0.1]/          | [::ffff:7f00:1]      | http://[::ffff:7f00:1]/
      http://[0:0:0:0:0:0:0:1]/           | [::1]                | http://[::1]/
      http://[2001:DB8:0:0:1:0:0:1]/      | [2001:db8::1:0:0:1]  | http://[2001:db8::1:0:0:1]/
      http://[64:ff9b::169.254.169.254]/  | [64:ff9b::a9fe:a9fe] | http://[64:ff9b::a9fe:a9fe]/
      http://1.2.3.4../                   | 1.2.3.4..            | http://1.2.3.4../
      http://0x7f.example/                | 0x7f.example         | http://0x7f.example/
      foo://0x7f.1/                       | 0x7f.1               | foo://0x7f.1/
      http://EXAMPLE.com./                | example.com.         | http://example.com./
      """)
  void readsIpLiteralsAsNodeDoes(String url, String hostname, String href) {
    Object r = JS.eval("const u = new URL('" + url + "'); return [u.hostname, u.href];");

    assertThat(r).isEqualTo(List.of(hostname, href));
  }

  @ParameterizedTest(name = "{0} is invalid")
  @ValueSource(strings = {
      "http://1.2.3.4.5/", "http://256.0.0.1/", "http://4294967296/", "http://08/", "http://0x7g.1/", "http://1..2/",
      "http://foo.1/", "http://foo.0x/", "http://127.16777216/", "http://[1::2::3]/", "http://[::1.2.3]/",
      "http://[::01.2.3.4]/", "http://[fe80::1%25eth0]/", "http://ex%25ample.com/"})
  void refusesInvalidLiteralsAsNodeDoes(String url) {
    Object r = JS.eval("try { new URL('" + url + "'); return 'parsed'; } catch (e) { return e.code; }");

    assertThat(r).isEqualTo("ERR_INVALID_URL");
  }

  @ParameterizedTest(name = "hostname = {0}")
  @CsvSource(delimiter = '|', textBlock = """
      0177.1         | http://127.0.0.1/p
      0xA9FEA9FE     | http://169.254.169.254/p
      [::1.2.3.4]    | http://[::102:304]/p
      """)
  void settingTheHostnameReadsItTheSameWay(String hostname, String href) {
    Object r = JS.eval("const u = new URL('http://example.com/p'); u.hostname = '" + hostname + "'; return u.href;");

    assertThat(r).isEqualTo(href);
  }
}
