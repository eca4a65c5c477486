package dev.interlock.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.action.Action;
import dev.interlock.core.action.ActionId;
import dev.interlock.core.action.ActionVersion;
import dev.interlock.core.EngineConfig;
import dev.interlock.core.Interlock;
import dev.interlock.core.execution.ExecutionId;
import dev.interlock.core.execution.ExecutionStatus;
import dev.interlock.core.javaaction.JavaActionRuntime;
import dev.interlock.testkit.SampleFamily;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process writing to SQLite ({@code kill -9}) in the middle of its writes and checks
 * that every change it acknowledged is there after a restart and that no change is half done.
 * A killed process loses nothing the operating system already holds; {@code synchronous=FULL}
 * extends that to power loss, which a test cannot produce.
 */
class CrashRecoveryTest {
  private static final int ACKS_BEFORE_KILL = 120;

  @TempDir Path dir;

  @Test
  void keepsEveryAcknowledgedChangeAndNoHalfDoneChangeAfterAKill() throws Exception {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Process child = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath,
            CrashWriter.class.getName(), dir.toString())
        .redirectError(dir.resolve("child.err").toFile())
        .start();
    String actionId = null;
    int deployed = 0;
    long bound = 0;
    List<String> accepted = new ArrayList<>();
    int acks = 0;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while (acks < ACKS_BEFORE_KILL && (line = out.readLine()) != null) {
        String[] p = line.split(" ");
        switch (p[0]) {
          case "READY" -> actionId = p[1];
          case "DEPLOYED" -> deployed = Integer.parseInt(p[1]);
          case "BOUND" -> bound = Long.parseLong(p[1]);
          case "ACCEPTED" -> accepted.add(p[1]);
          default -> throw new AssertionError("unexpected line from the child: " + line);
        }
        acks++;
      }
      child.destroyForcibly(); // SIGKILL: no shutdown hooks, no close, mid-write
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(acks).as("the child acknowledged changes (see %s)", dir.resolve("child.err")).isEqualTo(ACKS_BEFORE_KILL);

    try (JdbcStores restarted = JdbcStores.open(JdbcConfig.sqlite(dir))) {
      Action action = restarted.actions().find(ActionId.of(actionId)).orElseThrow();
      List<ActionVersion> versions = restarted.actions().versions(action.id());
      long bindingRevision = restarted.bindings().get(SampleFamily.LOGIN).revision();

      assertThat(action.deployedVersion()).isBetween(deployed, deployed + 1);
      assertThat(versions).extracting(ActionVersion::number).first().isEqualTo(action.deployedVersion());
      assertThat(versions).hasSize(action.deployedVersion());
      assertThat(bindingRevision).isBetween(bound, bound + 1);
      assertThat(restarted.bindings().get(SampleFamily.LOGIN).bindings()).hasSize(bindingRevision % 2 == 1 ? 1 : 0);
      for (String id : accepted) {
        assertThat(restarted.executions().find(new ExecutionId(id))).as("accepted execution %s", id).isPresent();
      }

      JavaActionRuntime java = new JavaActionRuntime().register("noop", (e, api) -> { }).register("slow-signup", (e, api) -> { });
      // executions the killed process accepted are taken over once their lease (2 x flow timeout) ran out
      try (Interlock engine = Interlock.builder().families(List.of(new SampleFamily())).runtime(java)
          .stores(restarted.actions(), restarted.bindings(), restarted.executions())
          .config(EngineConfig.defaults().withFlowTimeout(Duration.ofMillis(500))).build()) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!restarted.executions().pending().isEmpty() && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        assertThat(restarted.executions().pending()).as("accepted executions left pending after the restart").isEmpty();
        for (String id : accepted) {
          assertThat(engine.executor().find(new ExecutionId(id)).orElseThrow().status()).isEqualTo(ExecutionStatus.COMPLETED);
        }
      }
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + new File(dir.toFile(), "interlock.db"));
        Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("ok");
    }
  }
}
