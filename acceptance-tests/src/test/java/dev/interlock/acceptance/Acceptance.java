package dev.interlock.acceptance;

import dev.interlock.adapter.rhino.RhinoConfig;
import dev.interlock.adapter.rhino.RhinoRuntimes;
import dev.interlock.core.AdHocAction;
import dev.interlock.core.EngineConfig;
import dev.interlock.core.execution.ActionResult;
import dev.interlock.core.execution.Command;
import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.execution.ExecutionResult;
import dev.interlock.core.execution.LogEntry;
import dev.interlock.core.port.ScriptRuntime;
import dev.interlock.core.trigger.TriggerId;
import dev.interlock.testkit.EngineFixture;
import dev.interlock.trigger.m2m.MachineToMachineFamily;
import dev.interlock.trigger.mfa.MfaFamily;
import dev.interlock.trigger.password.PasswordFamily;
import dev.interlock.trigger.signuplogin.SignupLoginFamily;
import dev.interlock.trigger.tokenexchange.TokenExchangeFamily;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shared set-up of the acceptance tests: one Rhino runtime per JVM (building its sealed global
 * scope takes about a second), an engine with all five trigger families on in-memory stores, and
 * the action sources under {@code src/test/resources/actions/<trigger>/}.
 */
final class Acceptance {
  private static final ScriptRuntime RHINO = RhinoRuntimes.create(RhinoConfig.defaults());

  private Acceptance() {}

  /** The JavaScript runtime shared by every engine of the test run. */
  static ScriptRuntime rhino() {
    return RHINO;
  }

  /** A fresh engine (own stores and cache) with every trigger family and the JavaScript runtime. */
  static EngineFixture engine() {
    return EngineFixture.of(
        EngineConfig.defaults(),
        InstantSource.system(),
        List.of(RHINO),
        new SignupLoginFamily(),
        new MfaFamily(),
        new PasswordFamily(),
        new MachineToMachineFamily(),
        new TokenExchangeFamily());
  }

  /** The action {@code actions/<trigger>/<name>.js}, named {@code name}. */
  static AdHocAction action(String trigger, String name) {
    return AdHocAction.javascript(name, source(trigger, name));
  }

  static AdHocAction action(String trigger, String name, Map<String, String> secrets) {
    return action(trigger, name).withSecrets(secrets);
  }

  static String source(String trigger, String name) {
    String path = "/actions/" + trigger + "/" + name + ".js";
    try (InputStream in = Acceptance.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test action " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs the actions ad hoc as the trigger's flow and waits for the end. */
  static ExecutionResult run(EngineFixture engine, String trigger, Map<String, Object> event, AdHocAction... actions) {
    return engine.interlock().executor().run(TriggerId.of(trigger), List.of(actions), event);
  }

  static ActionResult result(ExecutionRecord record, String actionName) {
    return record.result(actionName).orElseThrow(() -> new AssertionError("no result for " + actionName));
  }

  static List<String> logs(ExecutionRecord record, String actionName) {
    return result(record, actionName).logs().stream().map(LogEntry::message).toList();
  }

  static List<String> commandNames(ExecutionRecord record, String actionName) {
    return result(record, actionName).commands().stream().map(Command::name).toList();
  }

  /** The nested outcome value at {@code path} (object keys). */
  @SuppressWarnings("unchecked")
  static Object at(Map<String, Object> json, String... path) {
    Object v = json;
    for (String key : path) {
      if (!(v instanceof Map)) {
        throw new AssertionError("no object at " + key + " in " + json);
      }
      v = ((Map<String, Object>) v).get(key);
    }
    return v;
  }

  /** The nested object at {@code path}. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> object(Map<String, Object> json, String... path) {
    Object v = at(json, path);
    if (!(v instanceof Map)) {
      throw new AssertionError("not an object at " + String.join(".", path) + ": " + v);
    }
    return (Map<String, Object>) v;
  }

  /** A mutable JSON object from alternating keys and values. */
  static Map<String, Object> json(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }
}
