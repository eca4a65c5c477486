package dev.interlock.adapter.rhino;

import dev.interlock.adapter.rhino.internal.RhinoScriptRuntime;
import dev.interlock.adapter.rhino.internal.node.NodeModules;
import dev.interlock.core.port.ScriptRuntime;

/** Creates the JavaScript runtime without Guice (for the CLI, tests and embedders). */
public final class RhinoRuntimes {
  private RhinoRuntimes() {}

  /**
   * A runtime for {@code node22}, {@code node18}, {@code node16}, {@code node12} and {@code node}
   * actions. Creating it builds the shared, sealed global scope once (about a second, most of it
   * the transpiler's helper library); keep one per process.
   */
  public static ScriptRuntime create(RhinoConfig config) {
    // The Node compatibility layer: globals, built-in modules, fetch with the egress policy.
    return new RhinoScriptRuntime(config, new NodeModules(config));
  }

  /**
   * As {@link #create}, but the runtime (shared scope, transpiler) is built on the first {@link
   * ScriptRuntime#load}, not before: for short-lived processes such as the CLI's management
   * commands, most of which never run code. {@link ScriptRuntime#supports} answers without building it.
   */
  public static ScriptRuntime lazy(RhinoConfig config) {
    return new ScriptRuntime() {
      private volatile ScriptRuntime delegate;

      @Override
      public boolean supports(String runtime) {
        return RhinoScriptRuntime.supportsRuntime(runtime);
      }

      @Override
      public dev.interlock.core.port.LoadedAction load(
          dev.interlock.core.port.ActionSource source, dev.interlock.core.trigger.TriggerDefinition trigger) {
        ScriptRuntime d = delegate;
        if (d == null) {
          synchronized (this) {
            d = delegate;
            if (d == null) {
              d = create(config);
              delegate = d;
            }
          }
        }
        return d.load(source, trigger);
      }
    };
  }
}
