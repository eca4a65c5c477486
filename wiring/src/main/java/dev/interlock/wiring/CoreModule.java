package dev.interlock.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import dev.interlock.core.EngineConfig;
import dev.interlock.core.Interlock;
import dev.interlock.core.TriggerExecutor;
import dev.interlock.core.admin.ActionAdministration;
import dev.interlock.core.memory.InMemoryActionCache;
import dev.interlock.core.memory.InMemoryActionStore;
import dev.interlock.core.memory.InMemoryBindingStore;
import dev.interlock.core.memory.InMemoryExecutionStore;
import dev.interlock.core.port.ActionCache;
import dev.interlock.core.port.ActionStore;
import dev.interlock.core.port.BindingStore;
import dev.interlock.core.port.ExecutionObserver;
import dev.interlock.core.port.ExecutionStore;
import dev.interlock.core.port.IdGenerator;
import dev.interlock.core.port.ScriptRuntime;
import dev.interlock.core.port.UserDirectory;
import dev.interlock.core.trigger.TriggerCatalog;
import dev.interlock.core.trigger.TriggerFamily;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Guice module for the engine. Adapters contribute through multibinders (script runtimes, trigger
 * families, observers) and optional bindings (stores, cache, clock, ids, user directory); whatever no module binds
 * falls back to the in-memory default. Trigger families on the class path are discovered with
 * {@link java.util.ServiceLoader} in addition to any bound ones.
 */
public final class CoreModule extends AbstractModule {
  private final EngineConfig config;

  public CoreModule(EngineConfig config) {
    this.config = config;
  }

  public CoreModule() {
    this(EngineConfig.defaults());
  }

  @Override
  protected void configure() {
    bind(EngineConfig.class).toInstance(config);
    Multibinder.newSetBinder(binder(), ScriptRuntime.class);
    Multibinder.newSetBinder(binder(), TriggerFamily.class);
    Multibinder.newSetBinder(binder(), ExecutionObserver.class);
    OptionalBinder.newOptionalBinder(binder(), ActionStore.class).setDefault().to(InMemoryActionStore.class);
    OptionalBinder.newOptionalBinder(binder(), BindingStore.class).setDefault().to(InMemoryBindingStore.class);
    OptionalBinder.newOptionalBinder(binder(), ExecutionStore.class).setDefault().to(InMemoryExecutionStore.class);
    OptionalBinder.newOptionalBinder(binder(), ActionCache.class).setDefault().to(InMemoryActionCache.class);
    OptionalBinder.newOptionalBinder(binder(), InstantSource.class).setDefault().toInstance(InstantSource.system());
    OptionalBinder.newOptionalBinder(binder(), IdGenerator.class);
    OptionalBinder.newOptionalBinder(binder(), UserDirectory.class).setDefault().toInstance(UserDirectory.NONE);
    bind(InMemoryActionStore.class).in(Singleton.class);
    bind(InMemoryExecutionStore.class).in(Singleton.class);
    bind(InMemoryActionCache.class).in(Singleton.class);
  }

  /** Over the in-memory action store, so that a bound action cannot be deleted (see the port). */
  @Provides
  @Singleton
  InMemoryBindingStore inMemoryBindings(InMemoryActionStore actions) {
    return new InMemoryBindingStore(actions);
  }

  @Provides
  @Singleton
  Interlock interlock(
      Set<ScriptRuntime> runtimes,
      Set<TriggerFamily> bound,
      Set<ExecutionObserver> observers,
      ActionStore actions,
      BindingStore bindings,
      ExecutionStore executions,
      ActionCache cache,
      InstantSource clock,
      java.util.Optional<IdGenerator> ids,
      UserDirectory directory) {
    List<TriggerFamily> families = new ArrayList<>(bound);
    for (TriggerFamily f : TriggerCatalog.discoverFamilies(CoreModule.class.getClassLoader())) {
      if (families.stream().noneMatch(b -> b.getClass().equals(f.getClass()))) {
        families.add(f);
      }
    }
    Interlock.Builder b =
        Interlock.builder()
            .families(families)
            .stores(actions, bindings, executions)
            .cache(cache)
            .clock(clock)
            .userDirectory(directory)
            .config(config);
    runtimes.forEach(b::runtime);
    observers.forEach(b::observer);
    ids.ifPresent(b::ids);
    return b.build();
  }

  @Provides
  TriggerExecutor executor(Interlock interlock) {
    return interlock.executor();
  }

  @Provides
  ActionAdministration administration(Interlock interlock) {
    return interlock.administration();
  }

  @Provides
  TriggerCatalog triggers(Interlock interlock) {
    return interlock.triggers();
  }
}
