package dev.interlock.core.javaaction;

import dev.interlock.core.ActionDefinitionException;
import dev.interlock.core.Problem;
import dev.interlock.core.execution.ErrorCode;
import dev.interlock.core.execution.ScriptError;
import dev.interlock.core.json.Json;
import dev.interlock.core.port.ActionSource;
import dev.interlock.core.port.Invocation;
import dev.interlock.core.port.InvocationOutcome;
import dev.interlock.core.port.LoadedAction;
import dev.interlock.core.port.ScriptRuntime;
import dev.interlock.core.trigger.ApiCallException;
import dev.interlock.core.trigger.TriggerDefinition;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs {@link JavaAction}s: the runtime named {@code java}, where an action's code is the name it
 * was registered under.
 */
public final class JavaActionRuntime implements ScriptRuntime {
  /** The runtime name Java actions are declared with. */
  public static final String RUNTIME = "java";

  private final Map<String, JavaAction> actions = new ConcurrentHashMap<>();

  /** Makes {@code action} loadable under {@code name}; returns this for chaining. */
  public JavaActionRuntime register(String name, JavaAction action) {
    actions.put(name, action);
    return this;
  }

  @Override
  public boolean supports(String runtime) {
    return RUNTIME.equals(runtime);
  }

  @Override
  public LoadedAction load(ActionSource source, TriggerDefinition trigger) {
    String key = source.code().trim();
    JavaAction action = actions.get(key);
    if (action == null) {
      throw new ActionDefinitionException(
          "Java action '" + key + "' is not registered",
          List.of(new Problem("code", "registered Java actions: " + actions.keySet())),
          null);
    }
    String resumeHandler = trigger.resumeHandler();
    return invocation -> CompletableFuture.completedFuture(run(action, resumeHandler, invocation));
  }

  private static InvocationOutcome run(JavaAction action, String resumeHandler, Invocation inv) {
    Map<String, Object> event = Json.copyObject(inv.event());
    inv.api().attachEventUpdater((path, value) -> update(event, path, value));
    JavaApi api = new JavaApi(inv.api());
    try {
      if (inv.handler().equals(resumeHandler)) {
        action.onContinue(event, api);
      } else {
        action.onExecute(event, api);
      }
    } catch (ApiCallException e) {
      return new InvocationOutcome.Failure(ErrorCode.ACTION_ERROR, new ScriptError(e.errorName(), e.getMessage(), null));
    } catch (Exception | StackOverflowError e) {
      StringWriter sw = new StringWriter();
      e.printStackTrace(new PrintWriter(sw));
      return new InvocationOutcome.Failure(
          ErrorCode.ACTION_ERROR, new ScriptError(e.getClass().getSimpleName(), String.valueOf(e.getMessage()), sw.toString()));
    }
    if (inv.remainingNanos() < 0) {
      return new InvocationOutcome.Failure(
          ErrorCode.ACTION_TIMEOUT, ScriptError.of("TimeoutError", "the action ran past its deadline"));
    }
    return InvocationOutcome.SUCCESS;
  }

  @SuppressWarnings("unchecked")
  static void update(Map<String, Object> event, List<String> path, Object value) {
    Map<String, Object> m = event;
    for (int i = 0; i < path.size() - 1; i++) {
      Object next = m.get(path.get(i));
      if (!(next instanceof Map)) {
        next = new java.util.LinkedHashMap<String, Object>();
        m.put(path.get(i), next);
      }
      m = (Map<String, Object>) next;
    }
    String last = path.get(path.size() - 1);
    if (value == dev.interlock.core.json.Undefined.VALUE) {
      m.remove(last);
    } else {
      m.put(last, Json.deepCopy(value));
    }
  }

  /** Shown when a registered action is looked up in listings. */
  @Override
  public String toString() {
    return "JavaActionRuntime" + actions.keySet();
  }
}
