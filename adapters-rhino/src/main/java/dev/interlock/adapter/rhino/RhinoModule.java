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
    RhinoRuntimeHolder(RhinoConfig config) {
      this.delegate = RhinoRuntimes.create(config);
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
