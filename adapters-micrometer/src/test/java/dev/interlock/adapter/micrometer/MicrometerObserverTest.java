package dev.interlock.adapter.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.Interlock;
import dev.interlock.core.javaaction.JavaActionRuntime;
import dev.interlock.core.AdHocAction;
import dev.interlock.testkit.SampleFamily;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MicrometerObserverTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final JavaActionRuntime java = new JavaActionRuntime()
      .register("ok", (e, api) -> api.call("claims.set", "a", 1))
      .register("deny", (e, api) -> api.call("access.deny", "no"))
      .register("boom", (e, api) -> {
        throw new IllegalStateException("x");
      });

  private Interlock engine(MicrometerConfig config) {
    return Interlock.builder().families(List.of(new SampleFamily())).runtime(java)
        .observer(MicrometerModule.observer(registry, config)).build();
  }

  private void run(Interlock engine, String... actions) {
    List<AdHocAction> code = Arrays.stream(actions)
        .map(a -> new AdHocAction(a, a, "java", Map.of(), Map.of())).toList();
    engine.executor().run(SampleFamily.LOGIN, code, Map.of());
  }

  @Test
  void timesExecutionsByTriggerAndStatus() {
    try (Interlock engine = engine(MicrometerConfig.defaults())) {
      run(engine, "ok");
      run(engine, "ok");
      run(engine, "deny");

      assertThat(registry.get("interlock.executions").tags("trigger", "sample-login", "status", "completed").timer().count()).isEqualTo(2);
      assertThat(registry.get("interlock.executions").tags("trigger", "sample-login", "status", "denied").timer().count()).isEqualTo(1);
    }
  }

  @Test
  void timesEachActionAndCountsErrorsByCode() {
    try (Interlock engine = engine(MicrometerConfig.defaults())) {
      run(engine, "ok", "boom", "ok");

      assertThat(registry.get("interlock.actions").tags("action", "boom", "status", "failed").timer().count()).isEqualTo(1);
      assertThat(registry.get("interlock.action.errors").tags("code", "action_error").counter().count()).isEqualTo(1.0);
      assertThat(registry.find("interlock.actions").tags("status", "skipped").timer()).isNull();
    }
  }

  @Test
  void reportsActionNamesBeyondTheCapAsOther() {
    try (Interlock engine = engine(new MicrometerConfig(1, false))) {
      run(engine, "ok");
      run(engine, "deny");

      assertThat(registry.get("interlock.actions").tags("action", "ok").timer().count()).isEqualTo(1);
      assertThat(registry.get("interlock.actions").tags("action", "_other").timer().count()).isEqualTo(1);
    }
  }
}
