package dev.interlock.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged server jar, started as its own process on the embedded defaults. */
class ServerJarIT {
  private static final Pattern LISTENING = Pattern.compile("listening on http://[^:]+:(\\d+)");
  private static final Pattern TOKEN = Pattern.compile("^\\s+(ilk_[A-Za-z0-9_-]+)\\s*$");

  @Test
  void startsOnTheEmbeddedDefaultsPrintsABootstrapTokenAndServesTheApi(@TempDir Path workDir) throws Exception {
    Path jar = Path.of("target/interlock-server.jar").toAbsolutePath();
    assertThat(jar).exists();
    // only the port is given (0: a free one), so that the test does not depend on 8780 being free
    Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar.toString(), "--port=0", "--host=127.0.0.1"))
        .directory(workDir.toFile()).redirectErrorStream(true).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      Integer port = null;
      String token = null;
      StringBuilder log = new StringBuilder();
      for (String line; (port == null || token == null) && (line = out.readLine()) != null; ) {
        log.append(line).append('\n');
        Matcher l = LISTENING.matcher(line);
        if (l.find()) {
          port = Integer.valueOf(l.group(1));
        }
        Matcher t = TOKEN.matcher(line);
        if (t.matches()) {
          token = t.group(1);
        }
      }
      assertThat(port).as(log.toString()).isNotNull();
      assertThat(token).as(log.toString()).isNotNull();

      HttpResponse<String> triggers = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v2/actions/triggers"))
              .header("Authorization", "Bearer " + token).build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(triggers.statusCode()).isEqualTo(200);
      assertThat(triggers.body()).contains("\"id\":\"post-login\"");
      Path data = workDir.resolve("interlock-data");
      assertThat(data.resolve("interlock.db")).exists();
      assertThat(Files.readString(data.resolve("admin-token.sha256"))).doesNotContain(token);
    } finally {
      p.destroy();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
  }
}
