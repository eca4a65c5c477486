package dev.interlock.adapter.rhino;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import dev.interlock.core.port.ScriptRuntime;

/**
 * Adds the Rhino JavaScript runtime to the set of {@link ScriptRuntime}s. Uses {@link
 * RhinoConfig#defaults()} unless constructed with a config.
 */
public final class RhinoModule extends AbstractModule {
  private final RhinoConfig config;

  public RhinoModule() {
    this(RhinoConfig.defaults());
  }

  public RhinoModule(RhinoConfig config) {
    this.config = config;
  }

  @Override
  protected void configure() {
    Multibinder.newSetBinder(binder(), ScriptRuntime.class).addBinding().to(RhinoRuntimeHolder.class);
    // Applications add their own modules with Multibinder.newSetBinder(binder(), HostModule.class).
    Multibinder.newSetBinder(binder(), HostModule.class);
  }

  @Provides
  @Singleton
  RhinoConfig rhinoConfig() {
    return config;
  }

  /** The one runtime instance per injector. */
  @Singleton
  static final class RhinoRuntimeHolder implements ScriptRuntime {
    private final ScriptRuntime delegate;

    @com.google.inject.Inject
    RhinoRuntimeHolder(RhinoConfig config, java.util.Set<HostModule> hostModules) {
      java.util.List<HostModule> all = new java.util.ArrayList<>(config.hostModules());
      all.addAll(hostModules);
      this.delegate = RhinoRuntimes.create(config.withHostModules(all));
    }

    @Override
    public boolean supports(String runtime) {
      return delegate.supports(runtime);
    }

    @Override
    public dev.interlock.core.port.LoadedAction load(
        dev.interlock.core.port.ActionSource source, dev.interlock.core.trigger.TriggerDefinition trigger) {
      return delegate.load(source, trigger);
    }
  }
}
