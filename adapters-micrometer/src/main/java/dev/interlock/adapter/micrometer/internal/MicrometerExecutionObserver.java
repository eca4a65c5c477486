package dev.interlock.adapter.micrometer.internal;

import dev.interlock.core.execution.ActionResult;
import dev.interlock.core.execution.ActionStatus;
import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.port.ExecutionObserver;
import dev.interlock.core.trigger.TriggerDefinition;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** {@link ExecutionObserver} that records timers and counters; meters are cached per tag set. */
public final class MicrometerExecutionObserver implements ExecutionObserver {
  static final String OTHER = "_other";

  private final MeterRegistry registry;
  private final int maxActionNames;
  private final boolean histograms;
  private final Set<String> actionNames = ConcurrentHashMap.newKeySet();
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  public MicrometerExecutionObserver(MeterRegistry registry, int maxActionNames, boolean histograms) {
    this.registry = registry;
    this.maxActionNames = maxActionNames;
    this.histograms = histograms;
  }

  @Override
  public void actionFinished(TriggerDefinition trigger, ActionResult result) {
    if (result.status() == ActionStatus.SKIPPED) {
      return;
    }
    String action = boundedName(result.actionName());
    String status = result.status().json();
    String key = trigger.id().value() + '\u0000' + action + '\u0000' + status;
    timers.computeIfAbsent(key, k -> timer("interlock.actions", "Duration of one action's handler",
            "trigger", trigger.id().value(), "action", action, "status", status))
        .record(Duration.ofNanos((long) (result.durationMs() * 1_000_000)));
  }

  @Override
  public void executionFinished(TriggerDefinition trigger, ExecutionRecord record) {
    String status = record.status().json();
    timers.computeIfAbsent("exec\u0000" + trigger.id().value() + '\u0000' + status,
            k -> timer("interlock.executions", "Duration of a trigger's flow", "trigger", trigger.id().value(), "status", status))
        .record(Duration.ofNanos((long) (record.durationMs() * 1_000_000)));
    if (record.error() != null) {
      String code = record.error().code().json();
      counters.computeIfAbsent(trigger.id().value() + '\u0000' + code,
              k -> Counter.builder("interlock.action.errors").description("Failed executions by error code")
                  .tag("trigger", trigger.id().value()).tag("code", code).register(registry))
          .increment();
    }
  }

  private Timer timer(String name, String description, String... tags) {
    Timer.Builder b = Timer.builder(name).description(description).tags(tags);
    if (histograms) {
      b.publishPercentileHistogram();
    }
    return b.register(registry);
  }

  private String boundedName(String name) {
    if (actionNames.contains(name)) {
      return name;
    }
    if (actionNames.size() < maxActionNames) {
      actionNames.add(name);
      return name;
    }
    return OTHER;
  }
}
