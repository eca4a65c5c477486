package dev.interlock.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** What the server says before it starts: its settings ({@code --help}) and a busy port. */
class ServerStartupTest {

  @Test
  void helpListsEverySettingWithItsDefaultAndEnvironmentVariable() {
    String help = HttpConfig.help();

    assertThat(help).contains("Usage: java -jar interlock-server.jar")
        .contains("--port").contains("default: 8780").contains("INTERLOCK_PORT")
        .contains("--database.url").contains("INTERLOCK_DATABASE_URL")
        .contains("--flow.timeout.ms").contains("default: 20000")
        .contains("--egress.allow").contains("--config")
        .contains("--tls.cert").contains("--tls.key").contains("--tls.keystore").contains("INTERLOCK_TLS_KEYSTORE_PASSWORD");
    assertThat(help.lines().filter(l -> l.startsWith("  --")).count()).isEqualTo(26);
    assertThat(help.lines().filter(l -> l.startsWith("  --")).allMatch(l -> l.trim().split("\\s+", 2).length == 2))
        .as("every setting has a description").isTrue();
  }

  @Test
  void aBusyPortIsReportedBeforeAnythingIsWritten() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();

      String busy = InterlockServer.portInUse("127.0.0.1", port);

      assertThat(busy).contains("port " + port).contains("already in use").contains("--port=N");
    }
  }

  @Test
  void aFreePortOrPortZeroIsNoProblem() throws Exception {
    int free;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      free = s.getLocalPort();
    }

    assertThat(InterlockServer.portInUse("127.0.0.1", free)).isNull();
    assertThat(InterlockServer.portInUse("127.0.0.1", 0)).isNull();
  }
}
