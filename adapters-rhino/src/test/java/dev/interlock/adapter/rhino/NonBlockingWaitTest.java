package dev.interlock.adapter.rhino;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.AdHocAction;
import dev.interlock.core.EngineConfig;
import dev.interlock.core.Interlock;
import dev.interlock.core.execution.ErrorCode;
import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.execution.ExecutionResult;
import dev.interlock.core.execution.ExecutionStatus;
import dev.interlock.core.trigger.TriggerId;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An action waiting for I/O (fetch, a host module's promise, a timer) holds no thread: the engine
 * thread that started it goes on with other executions, and the action continues when its answer
 * is in, with its deadline and memory budget intact.
 */
class NonBlockingWaitTest {
  private static final TriggerId LOGIN = BoundRhino.LOGIN;

  private TestHttpServer server;
  private final CompletableFuture<Object> hostAnswer = new CompletableFuture<>();
  private BoundRhino bound;
  private Interlock interlock;

  @BeforeEach
  void start() throws IOException {
    server = new TestHttpServer();
  }

  @AfterEach
  void stop() {
    server.gate.countDown();
    if (bound != null) {
      bound.close();
    }
    server.close();
  }

  private void engine(EngineConfig config, long maxAllocatedBytes) {
    engine(config, maxAllocatedBytes, Duration.ofSeconds(5));
  }

  private void engine(EngineConfig config, long maxAllocatedBytes, Duration maxCpuTime) {
    RhinoEgress egress = RhinoEgress.defaults().withAllowedHosts(List.of("127.0.0.1:" + server.port())).withMaxRequests(100);
    HostModule directory = HostModule.of("directory", Map.of("lookup", args -> hostAnswer));
    bound = new BoundRhino(RhinoConfig.defaults().withEgress(egress).withHostModules(List.of(directory))
        .withMaxAllocatedBytes(maxAllocatedBytes).withMaxCpuTime(maxCpuTime), config);
    interlock = bound.interlock;
  }

  private void bind(String code) {
    bound.bind(code);
  }

  private static String claimFrom(ExecutionRecord r, String claim) {
    return r.commands().stream().filter(c -> claim.equals(c.arg(0))).map(c -> String.valueOf(c.arg(1)))
        .findFirst().orElseThrow(() -> new AssertionError("no claim " + claim + " in " + r));
  }

  private static void within10s(BooleanSupplier condition, String what) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - until > 0) {
        throw new AssertionError("not within 10 s: " + what);
      }
      Thread.sleep(10);
    }
  }

  @Test
  void manyExecutionsWaitForHttpAtOnceWhileTheThreadThatStartedThemRunsAnother() throws Exception {
    engine(EngineConfig.defaults(), 64L * 1024 * 1024);
    bind("exports.onExecutePostLogin = async (event, api) => {\n"
        + "  const res = await fetch('" + server.url("/gate") + "');\n"
        + "  api.accessToken.setCustomClaim('answer', await res.text());\n"
        + "};");

    // given 20 executions started from this one thread, all waiting for the gated endpoint
    List<CompletableFuture<ExecutionResult>> waiting = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      waiting.add(interlock.executor().executeAsync(LOGIN, Scripts.Events.login()).toCompletableFuture());
    }
    within10s(() -> server.gateInFlight.get() == 20, "20 requests in flight at once (saw " + server.gateInFlight.get() + ")");
    assertThat(waiting).noneMatch(CompletableFuture::isDone);

    // when the same thread runs another execution meanwhile, it completes
    ExecutionRecord other = interlock.executor().run(LOGIN, List.of(new AdHocAction("quick",
        "exports.onExecutePostLogin = async (event, api) => { api.accessToken.setCustomClaim('quick', 'yes'); };",
        "node22", Map.of(), Map.of())), Scripts.Events.login()).record();
    assertThat(claimFrom(other, "quick")).isEqualTo("yes");
    assertThat(waiting).noneMatch(CompletableFuture::isDone);

    // then, once the endpoint answers, every waiting execution continues with its response
    server.gate.countDown();
    for (CompletableFuture<ExecutionResult> f : waiting) {
      ExecutionRecord r = f.get(10, TimeUnit.SECONDS).record();
      assertThat(r.status()).isEqualTo(ExecutionStatus.COMPLETED);
      assertThat(claimFrom(r, "answer")).isEqualTo("open");
    }
  }

  @Test
  void anActionWaitingPastItsDeadlineFailsWithActionTimeout() throws Exception {
    engine(EngineConfig.defaults().withActionTimeout(Duration.ofMillis(300)), 64L * 1024 * 1024);
    bind("exports.onExecutePostLogin = async (event, api) => {\n"
        + "  await fetch('" + server.url("/gate") + "');\n"
        + "  api.accessToken.setCustomClaim('answer', 'too late');\n"
        + "};");

    CompletableFuture<ExecutionResult> f = interlock.executor().executeAsync(LOGIN, Scripts.Events.login()).toCompletableFuture();
    assertThat(f).isNotDone();

    ExecutionRecord r = f.get(10, TimeUnit.SECONDS).record();
    assertThat(r.error().code()).as(String.valueOf(r.results().get(0).error())).isEqualTo(ErrorCode.ACTION_TIMEOUT);
    assertThat(r.commands()).isEmpty();
  }

  @Test
  void anExecutionEndingWhileItWaitsLeavesTheHostModulesStageAlone() throws Exception {
    engine(EngineConfig.defaults().withActionTimeout(Duration.ofMillis(300)), 64L * 1024 * 1024);
    bind("exports.onExecutePostLogin = async (event, api) => {\n"
        + "  await require('directory').lookup(event.user.email);\n"
        + "};");

    ExecutionRecord r = interlock.executor().executeAsync(LOGIN, Scripts.Events.login()).toCompletableFuture()
        .get(10, TimeUnit.SECONDS).record();

    assertThat(r.error().code()).isEqualTo(ErrorCode.ACTION_TIMEOUT);
    assertThat(hostAnswer).as("the host's own stage, shared with whoever else waits for it").isNotDone();
  }

  @Test
  void aHostModulePromiseSettlesWhenItsStageCompletesLater() throws Exception {
    engine(EngineConfig.defaults(), 64L * 1024 * 1024);
    bind("exports.onExecutePostLogin = async (event, api) => {\n"
        + "  const found = await require('directory').lookup(event.user.email);\n"
        + "  api.accessToken.setCustomClaim('team', found.team);\n"
        + "};");

    CompletableFuture<ExecutionResult> f = interlock.executor().executeAsync(LOGIN, Scripts.Events.login()).toCompletableFuture();
    assertThat(f).isNotDone();
    hostAnswer.complete(Map.of("team", "analytics"));

    assertThat(claimFrom(f.get(10, TimeUnit.SECONDS).record(), "team")).isEqualTo("analytics");
  }

  /**
   * Allocates about 9 MB (2,200 arrays of 1,000 elements; measured: 2,100 twice without a wait
   * exceed 16 MiB, 1,800 twice do not) and keeps none of it.
   */
  private static final String BURN = "function burn() { let n = 0; for (let i = 0; i < 2200; i++) { n += new Array(1000).fill(i).length; } return n; }\n";

  @Test
  void memoryAllocatedBeforeAndAfterAWaitCountsAgainstOneBudget() throws Exception {
    engine(EngineConfig.defaults(), 16L * 1024 * 1024);
    // The first fetch in a JVM loads and starts the HTTP client on the calling thread (counted too).
    bind("exports.onExecutePostLogin = async (event, api) => { await fetch('" + server.url("/hello") + "'); };");
    interlock.executor().execute(LOGIN, Scripts.Events.login());
    // given one burn fits the 16 MiB budget with the wait after it
    bind(BURN + "exports.onExecutePostLogin = async (event, api) => {\n"
        + "  burn();\n"
        + "  await fetch('" + server.url("/hello") + "');\n"
        + "  api.accessToken.setCustomClaim('burnt', 'once');\n"
        + "};");
    ExecutionRecord once = interlock.executor().executeAsync(LOGIN, Scripts.Events.login()).toCompletableFuture()
        .get(10, TimeUnit.SECONDS).record();
    assertThat(once.status()).as("one burn: %s", once.results()).isEqualTo(ExecutionStatus.COMPLETED);

    // when the action burns again after the wait (on whatever thread continues it)
    bind(BURN + "exports.onExecutePostLogin = async (event, api) => {\n"
        + "  burn();\n"
        + "  await fetch('" + server.url("/hello") + "');\n"
        + "  burn();\n"
        + "  api.accessToken.setCustomClaim('burnt', 'twice');\n"
        + "};");
    ExecutionRecord twice = interlock.executor().executeAsync(LOGIN, Scripts.Events.login()).toCompletableFuture()
        .get(10, TimeUnit.SECONDS).record();

    // then both halves count against the one budget: the second burn, after the wait, fails
    assertThat(twice.error().code()).as(String.valueOf(twice.results().get(0).error())).isEqualTo(ErrorCode.ACTION_LIMIT);
    assertThat(twice.results().get(0).error().stack()).contains("(wait:5)");
    assertThat(twice.commands()).isEmpty();
  }

  @Test
  void waitingCostsNoCpuTimeButComputingDoes() throws Exception {
    engine(EngineConfig.defaults().withActionTimeout(Duration.ofSeconds(10)), 64L * 1024 * 1024, Duration.ofMillis(300));
    // given an action that waits longer than its CPU budget
    bind("exports.onExecutePostLogin = async (event, api) => {\n"
        + "  await new Promise(r => setTimeout(r, 700));\n"
        + "  api.accessToken.setCustomClaim('waited', 'yes');\n"
        + "};");
    ExecutionRecord waited = interlock.executor().executeAsync(LOGIN, Scripts.Events.login()).toCompletableFuture()
        .get(10, TimeUnit.SECONDS).record();
    assertThat(waited.status()).as("%s", waited.results()).isEqualTo(ExecutionStatus.COMPLETED);

    // when an action computes past it, well before its 10 s deadline
    bind("exports.onExecutePostLogin = async (event, api) => {\n"
        + "  await new Promise(r => setTimeout(r, 1));\n"
        + "  while (true) {}\n"
        + "};");
    ExecutionRecord spun = interlock.executor().executeAsync(LOGIN, Scripts.Events.login()).toCompletableFuture()
        .get(10, TimeUnit.SECONDS).record();

    // then it stops for CPU time, on the line that spins
    assertThat(spun.error().code()).isEqualTo(ErrorCode.ACTION_TIMEOUT);
    assertThat(spun.results().get(0).error().message()).isEqualTo("the action used more than 300 ms of CPU time");
    assertThat(spun.results().get(0).error().stack()).contains("(wait:3)");
  }
}
