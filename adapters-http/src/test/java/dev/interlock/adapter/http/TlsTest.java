package dev.interlock.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS from PEM files and from keystores, with a self-signed certificate made in the test by the
 * JDK's {@code keytool} (no private key is committed), and the start-up errors naming the setting.
 */
class TlsTest {
  static final String TOKEN = "tls-admin-token-0123456789";

  @TempDir static Path dir;
  static Path p12;
  static Path jks;
  static Path certPem;
  static Path keyPem;

  @BeforeAll
  static void makeCertificates() throws Exception {
    p12 = dir.resolve("server.p12");
    jks = dir.resolve("server.jks");
    Certs.keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
        "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
        "-keystore", p12.toString(), "-storepass", "changeit", "-keypass", "changeit");
    Certs.keytool("-importkeystore", "-srckeystore", p12.toString(), "-srcstoretype", "PKCS12", "-srcstorepass",
        "changeit", "-destkeystore", jks.toString(), "-deststoretype", "JKS", "-deststorepass", "changeit",
        "-destkeypass", "changeit");
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(p12)) {
      ks.load(in, "changeit".toCharArray());
    }
    certPem = dir.resolve("cert.pem");
    keyPem = dir.resolve("key.pem");
    Files.writeString(certPem, Certs.pem("CERTIFICATE", ks.getCertificate("server").getEncoded()));
    Files.writeString(keyPem, Certs.pem("PRIVATE KEY", ((PrivateKey) ks.getKey("server", "changeit".toCharArray()))
        .getEncoded()));
  }

  @Test
  void servesHttpsFromPemCertificateAndPkcs8Key() throws Exception {
    try (InterlockServer server = start("--tls.cert=" + certPem, "--tls.key=" + keyPem)) {
      HttpResponse<String> r = get(server.port(), "/api/v2/actions/triggers");

      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).contains("\"triggers\"");
    }
  }

  @Test
  void servesHttpsFromPkcs12AndJksKeystores() throws Exception {
    for (Path store : List.of(p12, jks)) {
      try (InterlockServer server = start("--tls.keystore=" + store, "--tls.keystore.password=changeit")) {
        HttpResponse<String> r = get(server.port(), "/health/live");

        assertThat(r.statusCode()).as(store.toString()).isEqualTo(200);
      }
    }
  }

  @Test
  void wrongKeystorePasswordStopsTheStartNamingTheSetting() {
    assertThatThrownBy(() -> start("--tls.keystore=" + p12, "--tls.keystore.password=nope"))
        .hasMessageContaining("tls.keystore").hasMessageContaining("wrong password");
  }

  @Test
  void missingFilesAndHalfConfigurationsAreNamed() {
    assertThatThrownBy(() -> start("--tls.cert=" + dir.resolve("absent.pem"), "--tls.key=" + keyPem))
        .hasMessageContaining("tls.cert").hasMessageContaining("does not exist");
    assertThatThrownBy(() -> start("--tls.cert=" + certPem))
        .hasMessageContaining("tls.key: missing");
    assertThatThrownBy(() -> start("--tls.keystore=" + p12, "--tls.cert=" + certPem, "--tls.key=" + keyPem))
        .hasMessageContaining("either tls.keystore or tls.cert");
  }

  @Test
  void aKeyThatDoesNotMatchTheCertificateIsRefused() throws Exception {
    Path other = dir.resolve("other.p12");
    Certs.keytool("-genkeypair", "-alias", "other", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
        "-dname", "CN=other", "-storetype", "PKCS12", "-keystore", other.toString(), "-storepass", "changeit");
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(other)) {
      ks.load(in, "changeit".toCharArray());
    }
    Path otherKey = dir.resolve("other-key.pem");
    Files.writeString(otherKey, Certs.pem("PRIVATE KEY", ks.getKey("other", "changeit".toCharArray()).getEncoded()));

    assertThatThrownBy(() -> start("--tls.cert=" + certPem, "--tls.key=" + otherKey))
        .hasMessageContaining("does not match the certificate");
  }

  static InterlockServer start(String... tls) {
    List<String> args = new ArrayList<>(List.of("--port=0", "--host=127.0.0.1", "--database.url=memory:",
        "--access.log=false", "--data.dir=" + dir.resolve("data"), "--admin.token=" + TOKEN));
    args.addAll(List.of(tls));
    return InterlockServer.start(HttpConfig.load(args.toArray(new String[0]), Map.of()), null);
  }

  static HttpResponse<String> get(int port, String path) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    Certificate cert = java.security.cert.CertificateFactory.getInstance("X.509")
        .generateCertificate(Files.newInputStream(certPem));
    trust.setCertificateEntry("server", cert);
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, tmf.getTrustManagers(), null);
    HttpClient client = HttpClient.newBuilder().sslContext(ssl).version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    return client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + path))
        .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** keytool from the running JDK, and PEM text. */
  static final class Certs {
    private Certs() {}

    static void keytool(String... args) throws IOException, InterruptedException {
      List<String> cmd = new ArrayList<>();
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
      cmd.addAll(List.of(args));
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor()).as("keytool %s: %s", cmd, out).isZero();
    }

    static String pem(String type, byte[] der) {
      return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
          .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
  }
}
