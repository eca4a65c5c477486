package dev.interlock.benchmarks;

import dev.interlock.adapter.rhino.RhinoConfig;
import dev.interlock.adapter.rhino.RhinoRuntimes;
import dev.interlock.core.Interlock;
import dev.interlock.core.admin.ActionAdministration;
import dev.interlock.core.admin.ActionView;
import dev.interlock.core.admin.BindingRequest;
import dev.interlock.core.admin.NewAction;
import dev.interlock.core.execution.ExecutionResult;
import dev.interlock.core.trigger.TriggerId;
import dev.interlock.trigger.signuplogin.PostLoginEvent;
import dev.interlock.trigger.signuplogin.SignupLoginFamily;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The 2-action post-login flow of {@code benchmarks/http-load.sh} run by 32 threads at once, as
 * Jetty runs one flow per connection for wrk's 32 connections, with and without a bound on how
 * many run at the same time ({@code permits}, 0 = none; the HTTP server's {@code
 * execute.concurrency}). On a 2-core machine compare the throughput of {@code permits=0} with
 * {@code permits=2} and {@code 4}: the difference is the cost of running far more flows than cores.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Threads(32)
@Fork(1)
public class ConcurrentFlowBenchmark {
  private static final TriggerId POST_LOGIN = TriggerId.of("post-login");
  private static final String ROLES = "exports.onExecutePostLogin = async (event, api) => {"
      + " const roles = (event.authorization && event.authorization.roles) || [];"
      + " api.accessToken.setCustomClaim('https://example.com/roles', roles.concat(['member'])); };";
  private static final String TEAM = "exports.onExecutePostLogin = async (event, api) => {"
      + " if (event.user.email_verified) {"
      + " api.idToken.setCustomClaim('https://example.com/team', event.user.app_metadata.team || 'none'); } };";

  @Param({"0", "2", "4"})
  public int permits;

  private Interlock engine;
  private Semaphore gate;
  private Map<String, Object> event;

  @Setup
  public void setUp() {
    engine = Interlock.builder()
        .families(List.of(new SignupLoginFamily()))
        .runtime(RhinoRuntimes.create(RhinoConfig.defaults()))
        .build();
    ActionAdministration admin = engine.administration();
    ActionView a = admin.create(NewAction.of("add-roles", POST_LOGIN, ROLES).deployed());
    ActionView b = admin.create(NewAction.of("add-team", POST_LOGIN, TEAM).deployed());
    admin.replaceBindings(POST_LOGIN, List.of(BindingRequest.of(a.id()), BindingRequest.of(b.id())), 0);
    event = PostLoginEvent.builder().build();
    gate = permits == 0 ? null : new Semaphore(permits, true);
    if (!(engine.executor().execute(POST_LOGIN, event) instanceof ExecutionResult.Completed)) {
      throw new IllegalStateException("benchmark flow did not complete");
    }
  }

  @TearDown
  public void tearDown() {
    engine.close();
  }

  @Benchmark
  public ExecutionResult executeFlow() {
    if (gate == null) {
      return engine.executor().execute(POST_LOGIN, event);
    }
    gate.acquireUninterruptibly();
    try {
      return engine.executor().execute(POST_LOGIN, event);
    } finally {
      gate.release();
    }
  }
}
