package dev.interlock.benchmarks;

import dev.interlock.adapter.rhino.RhinoConfig;
import dev.interlock.adapter.rhino.RhinoRuntimes;
import dev.interlock.core.port.ActionSource;
import dev.interlock.core.port.InvocationOutcome;
import dev.interlock.core.port.LoadedAction;
import dev.interlock.core.port.ScriptRuntime;
import dev.interlock.core.trigger.Schema;
import dev.interlock.core.trigger.TriggerBehavior;
import dev.interlock.core.trigger.TriggerDefinition;
import dev.interlock.core.trigger.TriggerId;
import dev.interlock.core.trigger.TriggerMode;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * One execution of a realistic async action on the Rhino runtime: fresh Context, fresh
 * per-execution scope, module top level, event objects built from the Java maps, three api calls,
 * promise jobs drained. Run with {@code -bm sample} for the median and {@code -bm thrpt -t 1|2}
 * for executions per second (see docs/performance.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class RhinoActionBenchmark {
  private LoadedAction action;
  private Map<String, Object> event;

  @Setup
  public void setUp() {
    ScriptRuntime runtime = RhinoRuntimes.create(RhinoConfig.defaults());
    TriggerDefinition trigger =
        new TriggerDefinition(
            TriggerId.of("post-login"), "v3", "bench", TriggerMode.SYNC, "onExecutePostLogin", "onContinuePostLogin",
            Schema.object(), BenchmarkAction.CONTRACT, TriggerBehavior.neutral(), "benchmark");
    action = runtime.load(ActionSource.javascript("bench", BenchmarkAction.CODE), trigger);
    event = BenchmarkAction.event();
    InvocationOutcome first = invoke();
    if (!(first instanceof InvocationOutcome.Success)) {
      throw new IllegalStateException("benchmark action failed: " + first);
    }
  }

  @Benchmark
  public InvocationOutcome executeAction() {
    return invoke();
  }

  private InvocationOutcome invoke() {
    return action.invoke(BenchmarkAction.invocation(event)).toCompletableFuture().join();
  }
}
