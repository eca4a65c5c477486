package dev.interlock.adapter.cli;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import dev.interlock.adapter.rhino.RhinoConfig;
import dev.interlock.adapter.rhino.RhinoRuntimes;
import dev.interlock.core.port.ScriptRuntime;

/**
 * The JavaScript runtime for the local store's engine, built only when a command loads code
 * (create/update with {@code --deploy}, {@code deploy}, {@code rollback}, {@code test}). Listing and
 * showing never pay for Rhino's shared scope and the Closure transpiler (docs/performance.md, "CLI
 * start-up").
 */
final class LazyRhinoModule extends AbstractModule {
  private final RhinoConfig config;

  LazyRhinoModule(RhinoConfig config) {
    this.config = config;
  }

  @Override
  protected void configure() {
    Multibinder.newSetBinder(binder(), ScriptRuntime.class).addBinding().toInstance(RhinoRuntimes.lazy(config));
  }
}
