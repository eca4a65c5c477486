package dev.interlock.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.adapter.http.TestServer.Response;
import dev.interlock.core.javaaction.JavaActionRuntime;
import dev.interlock.testkit.SampleFamily;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DELETE of an action racing PATCH of the bindings never leaves a binding to a deleted action. */
class DeleteBindRaceTest {
  private static final int RACES = 30;
  private static final String BINDINGS = "/api/v2/actions/triggers/" + SampleFamily.LOGIN + "/bindings";
  private final ExecutorService pool = Executors.newFixedThreadPool(2);
  @TempDir Path dir;

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  @ParameterizedTest(name = "on {0}")
  @ValueSource(strings = {"memory:", "sqlite"})
  void everyRaceEndsWithTheActionBoundOnlyIfItStillExists(String store) throws Exception {
    List<String> args = store.equals("sqlite") ? List.of("--database.url=", "--data.dir=" + dir) : List.of();
    try (TestServer server = TestServer.start(args, new JavaActionRuntime())) {
      for (int i = 0; i < RACES; i++) {
        String id = server.deployedAction("race-" + i, "noop");
        CountDownLatch start = new CountDownLatch(1);
        Future<Response> delete = pool.submit(() -> {
          start.await();
          return server.send("DELETE", "/api/v2/actions/actions/" + id, TestServer.ADMIN, null);
        });
        Future<Response> bind = pool.submit(() -> {
          start.await();
          return server.patch(BINDINGS, "{\"bindings\":[{\"ref\":{\"type\":\"action_id\",\"value\":\"" + id + "\"}}]}");
        });
        start.countDown();
        Response deleted = delete.get(30, TimeUnit.SECONDS);
        Response bound = bind.get(30, TimeUnit.SECONDS);

        boolean exists = server.get("/api/v2/actions/actions/" + id).status() == 200;
        List<Object> ids = new ArrayList<>();
        Response listed = server.get(BINDINGS);
        assertThat(listed.status()).as("race %d: listing the bindings after %s and %s: %s", i, deleted, bound, listed)
            .isEqualTo(200);
        for (Object b : listed.list("bindings")) {
          ids.add(TestServer.obj(TestServer.obj(b).get("action")).get("id"));
        }
        assertThat(deleted.status()).as("race %d delete: %s", i, deleted).isIn(204, 409);
        assertThat(bound.status()).as("race %d bind: %s", i, bound).isIn(200, 400, 404, 409);
        assertThat(exists || !ids.contains(id)).as("race %d: deleted action still bound", i).isTrue();
        if (bound.status() != 200) {
          assertThat(ids).as("race %d: a refused bind wrote its row", i).doesNotContain(id);
        }
        server.patch(BINDINGS, "{\"bindings\":[]}");
      }
    }
  }
}
