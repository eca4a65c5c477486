package dev.interlock.adapter.rhino.internal;

import dev.interlock.adapter.rhino.RhinoConfig;
import dev.interlock.core.ActionDefinitionException;
import dev.interlock.core.Problem;
import dev.interlock.core.port.ActionSource;
import dev.interlock.core.port.LoadedAction;
import dev.interlock.core.port.ScriptRuntime;
import dev.interlock.core.trigger.TriggerDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.EvaluatorException;
import org.mozilla.javascript.Script;

/**
 * Runs Auth0-style JavaScript actions on Rhino. {@link #load} transpiles the author's modern code
 * to ES5 once, checks the module contract it can check from the source (literal {@code require}s,
 * {@code async} handlers) and compiles it; {@link RhinoLoadedAction} runs it in a fresh scope per
 * execution on top of one sealed {@link SharedScope}.
 */
public final class RhinoScriptRuntime implements ScriptRuntime {
  private static final Set<String> RUNTIMES = Set.of("node", "node12", "node16", "node18", "node22");

  private final RhinoConfig config;
  private final SandboxContextFactory factory;
  private final HostModules modules;
  private final SharedScope shared;
  /** Compiled npm package files, shared by every action this runtime loads. */
  private final PackageLoader.Scripts packageScripts = new PackageLoader.Scripts(4_096);

  public RhinoScriptRuntime(RhinoConfig config) {
    this(config, HostModules.none());
  }

  /** A runtime whose {@code require} serves {@code modules} (the seam for Node compatibility). */
  public RhinoScriptRuntime(RhinoConfig config, HostModules modules) {
    this.config = config;
    this.factory = new SandboxContextFactory(config);
    this.modules = modules;
    this.shared = SharedScope.build(factory, modules);
  }

  @Override
  public boolean supports(String runtime) {
    return supportsRuntime(runtime);
  }

  /** Whether {@code runtime} names a runtime this adapter runs, without building one. */
  public static boolean supportsRuntime(String runtime) {
    return runtime != null && RUNTIMES.contains(runtime);
  }

  @Override
  public LoadedAction load(ActionSource source, TriggerDefinition trigger) {
    Transpiler.Output es5 = Transpiler.transpile(source.code());
    ModuleShape shape = ModuleShape.of(source.code());
    PackageLoader packages = packages(source);
    List<Problem> problems = new ArrayList<>();
    for (ModuleShape.Require r : shape.requires()) {
      if (!modules.provides(r.module()) && (packages == null || !packages.providesRoot(r.module()))) {
        problems.add(new Problem(r.position(), "Cannot find module '" + r.module() + "'" + HostGlobals.available(modules)));
      }
    }
    for (String handler : handlers(trigger)) {
      ModuleShape.Export export = shape.exports().get(handler);
      if (export != null && !export.async()) {
        problems.add(new Problem(export.position(), notAsyncMessage(handler)));
      }
    }
    if (!problems.isEmpty()) {
      throw new ActionDefinitionException("action '" + source.name() + "' cannot be loaded", problems, null);
    }
    ErrorMapper errors = new ErrorMapper(source.name(), es5.sourceMap());
    Script script = compile(es5.code(), errors);
    return new RhinoLoadedAction(config, factory, shared, script, shape, errors, apiTemplate(trigger), trigger.api(),
        source.dependencies(), packages);
  }

  /**
   * Installs the declared dependencies that are not built-in modules (built-ins win over npm for
   * their names); null when there is nothing to install or no installer.
   */
  private PackageLoader packages(ActionSource source) {
    if (config.packages() == null) {
      return null;
    }
    java.util.Map<String, String> wanted = new java.util.LinkedHashMap<>();
    source.dependencies().forEach((name, version) -> {
      if (!modules.provides(name)) {
        wanted.put(name, version);
      }
    });
    if (wanted.isEmpty()) {
      return null;
    }
    return new PackageLoader(config.packages().install(wanted), packageScripts, modules, shared);
  }

  /** The trigger's api functions, built and frozen once for every execution of the action. */
  private org.mozilla.javascript.Scriptable apiTemplate(TriggerDefinition trigger) {
    Context cx = factory.enterContext();
    try {
      org.mozilla.javascript.Scriptable api = ApiObject.build(shared.global(), trigger.api());
      shared.freeze(cx, api);
      return api;
    } finally {
      Context.exit();
    }
  }

  static String notAsyncMessage(String handler) {
    return "The handler '" + handler + "' must be an async function: use exports." + handler
        + " = async function(event, api) {}";
  }

  private static List<String> handlers(TriggerDefinition trigger) {
    List<String> out = new ArrayList<>();
    out.add(trigger.handler());
    trigger.resumeHandlerName().ifPresent(out::add);
    return out;
  }

  private Script compile(String code, ErrorMapper errors) {
    Context cx = factory.enterContext();
    try {
      return cx.compileString(code, Transpiler.INPUT_NAME, 1, null);
    } catch (EvaluatorException e) {
      int line = errors.originalLine(e.lineNumber());
      throw new ActionDefinitionException(
          "the action's code cannot be compiled",
          List.of(new Problem((line > 0 ? line : 1) + ":1", e.details())),
          null);
    } finally {
      Context.exit();
    }
  }
}
