package dev.interlock.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.javaaction.JavaActionRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedStoreTest {

  @Test
  void keepsActionsBindingsAndExecutionsInSqliteAcrossRestarts(@TempDir Path dir) {
    List<String> args = List.of("--database.url=", "--data.dir=" + dir);
    String actionId;
    String executionId;
    try (TestServer first = TestServer.start(args, new JavaActionRuntime())) {
      actionId = first.deployedAction("durable", "add-claim");
      first.bind("sample-login", actionId);
      executionId = (String) first.send("POST", "/api/v1/triggers/sample-login/execute", TestServer.EXECUTOR, "{}")
          .json().get("id");
    }

    try (TestServer second = TestServer.start(args, new JavaActionRuntime())) {
      assertThat(second.get("/api/v2/actions/actions/" + actionId).json()).containsEntry("name", "durable");
      assertThat(second.get("/api/v1/executions/" + executionId).json()).containsEntry("status", "completed");
      assertThat(second.send("POST", "/api/v1/triggers/sample-login/execute", TestServer.EXECUTOR, "{}").body())
          .contains("\"role\":\"admin\"");
    }
    assertThat(Files.exists(dir.resolve("interlock.db"))).isTrue();
  }
}
