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
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole post-login flow through the engine, as the library, HTTP and CLI doors run it: event
 * validation and defaults, two bound JavaScript actions (the realistic action of {@link
 * BenchmarkAction} and a second one adding a scope), the post-login outcome, the execution record
 * stored in memory. Compare with {@link RhinoActionBenchmark} for the cost of one action alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class EngineFlowBenchmark {
  private static final TriggerId POST_LOGIN = TriggerId.of("post-login");
  private static final String SECOND_ACTION =
      "exports.onExecutePostLogin = async (event, api) => {\n"
          + "  if (event.transaction?.requested_scopes?.includes('openid')) { api.accessToken.addScope('read:profile'); }\n"
          + "};\n";

  private Interlock engine;
  private Map<String, Object> event;

  @Setup
  public void setUp() {
    engine = Interlock.builder()
        .families(List.of(new SignupLoginFamily()))
        .runtime(RhinoRuntimes.create(RhinoConfig.defaults()))
        .build();
    ActionAdministration admin = engine.administration();
    ActionView a = admin.create(NewAction.of("claims", POST_LOGIN, BenchmarkAction.CODE).deployed());
    ActionView b = admin.create(NewAction.of("scopes", POST_LOGIN, SECOND_ACTION).deployed());
    admin.replaceBindings(POST_LOGIN, List.of(BindingRequest.of(a.id()), BindingRequest.of(b.id())), 0);
    event = PostLoginEvent.builder().build();
    ExecutionResult first = engine.executor().execute(POST_LOGIN, event);
    if (!(first instanceof ExecutionResult.Completed)) {
      throw new IllegalStateException("benchmark flow did not complete: " + first.record());
    }
  }

  @TearDown
  public void tearDown() {
    engine.close();
  }

  @Benchmark
  public ExecutionResult executeFlow() {
    return engine.executor().execute(POST_LOGIN, event);
  }
}
