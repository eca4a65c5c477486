package dev.interlock.adapter.rhino;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.execution.ExecutionStatus;
import dev.interlock.testkit.EngineFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One loaded action and one shared scope serve several threads at once without mixing state. */
class ConcurrentExecutionTest {
  @Test
  void keepsEachThreadsExecutionsApart() throws Exception {
    String code = String.join("\n",
        "let seen = 0;",
        "exports.onExecutePostLogin = async (event, api) => {",
        "  seen += 1;",
        "  await new Promise((r) => setTimeout(r, 1));",
        "  api.accessToken.setCustomClaim('who', `${event.user.user_id}:${seen}`);",
        "};");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try (EngineFixture engine = Scripts.engine()) {
      List<Future<ExecutionRecord>> runs = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String id = "user-" + i;
        runs.add(pool.submit(() -> {
          var event = Scripts.Events.login();
          @SuppressWarnings("unchecked")
          var user = (java.util.Map<String, Object>) event.get("user");
          user.put("user_id", id);
          return Scripts.run(engine, code, java.util.Map.of(), event).record();
        }));
      }

      for (int i = 0; i < runs.size(); i++) {
        ExecutionRecord r = runs.get(i).get();
        assertThat(r.status()).isEqualTo(ExecutionStatus.COMPLETED);
        assertThat(r.commands().get(0).args()).containsExactly("who", "user-" + i + ":1");
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
