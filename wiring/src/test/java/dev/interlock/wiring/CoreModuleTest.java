package dev.interlock.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import dev.interlock.adapter.micrometer.MicrometerModule;
import dev.interlock.core.AdHocAction;
import dev.interlock.core.TriggerExecutor;
import dev.interlock.core.execution.ExecutionResult;
import dev.interlock.core.javaaction.JavaActionRuntime;
import dev.interlock.core.memory.InMemoryExecutionStore;
import dev.interlock.core.port.ExecutionStore;
import dev.interlock.core.port.ScriptRuntime;
import dev.interlock.core.trigger.TriggerFamily;
import dev.interlock.testkit.SampleFamily;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoreModuleTest {
  private final JavaActionRuntime java = new JavaActionRuntime().register("hello", (e, api) -> api.call("claims.set", "hi", true));

  private AbstractModule javaActionsAndSampleFamily() {
    return new AbstractModule() {
      @Override
      protected void configure() {
        Multibinder.newSetBinder(binder(), ScriptRuntime.class).addBinding().toInstance(java);
        Multibinder.newSetBinder(binder(), TriggerFamily.class).addBinding().to(SampleFamily.class);
      }
    };
  }

  @Test
  void assemblesAWorkingEngineFromModules() {
    Injector injector = Guice.createInjector(new CoreModule(), javaActionsAndSampleFamily());

    ExecutionResult r = injector.getInstance(TriggerExecutor.class)
        .run(SampleFamily.LOGIN, List.of(new AdHocAction("hello", "hello", "java", Map.of(), Map.of())), Map.of());

    assertThat(r.outcome()).isEqualTo(Map.of("claims", Map.of("hi", true)));
  }

  @Test
  void anAdapterModuleReplacesAnInMemoryDefault() {
    InMemoryExecutionStore mine = new InMemoryExecutionStore(10);
    Injector injector = Guice.createInjector(new CoreModule(), javaActionsAndSampleFamily(), new AbstractModule() {
      @Override
      protected void configure() {
        OptionalBinder.newOptionalBinder(binder(), ExecutionStore.class).setBinding().toInstance(mine);
      }
    });

    ExecutionResult r = injector.getInstance(TriggerExecutor.class)
        .run(SampleFamily.LOGIN, List.of(new AdHocAction("hello", "hello", "java", Map.of(), Map.of())), Map.of());

    assertThat(mine.find(r.record().id())).isPresent();
  }

  @Test
  void observerModulesAreToldAboutExecutions() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Injector injector = Guice.createInjector(new CoreModule(), javaActionsAndSampleFamily(), new MicrometerModule(registry));

    injector.getInstance(TriggerExecutor.class)
        .run(SampleFamily.LOGIN, List.of(new AdHocAction("hello", "hello", "java", Map.of(), Map.of())), Map.of());

    assertThat(registry.get("interlock.executions").timer().count()).isEqualTo(1);
  }
}
