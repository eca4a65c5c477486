package dev.interlock.adapter.rhino;

import dev.interlock.core.EngineConfig;
import dev.interlock.core.execution.Command;
import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.execution.ScriptError;
import dev.interlock.testkit.EngineFixture;
import java.util.Map;

/**
 * Test helper for the Node compatibility layer: runs a snippet of async JavaScript inside a
 * handler and returns the value it returns (as a JSON value), or its error.
 */
final class NodeScripts {
  private final EngineFixture engine;

  NodeScripts(EngineFixture engine) {
    this.engine = engine;
  }

  static NodeScripts shared() {
    return new NodeScripts(Scripts.engine());
  }

  static NodeScripts with(RhinoConfig config) {
    return new NodeScripts(Scripts.engine(EngineConfig.defaults(), RhinoRuntimes.create(config)));
  }

  /** The JSON value {@code body} (the inside of an async function) returns. */
  Object eval(String body) {
    ExecutionRecord r = run(body);
    ScriptError error = r.results().isEmpty() ? null : r.results().get(0).error();
    if (error != null) {
      throw new AssertionError("the snippet failed: " + error.name() + ": " + error.message() + "\n" + error.stack());
    }
    for (Command c : r.commands()) {
      if (c.name().equals("accessToken.setCustomClaim") && "result".equals(c.arg(0))) {
        return c.arg(1);
      }
    }
    throw new AssertionError("no result: " + r);
  }

  /** The error the snippet fails with. */
  ScriptError error(String body) {
    ExecutionRecord r = run(body);
    ScriptError error = r.results().get(0).error();
    if (error == null) {
      throw new AssertionError("the snippet did not fail: " + r.commands());
    }
    return error;
  }

  ExecutionRecord run(String body) {
    String code = "exports.onExecutePostLogin = async (event, api) => {\n"
        + "  const result = await (async () => {\n" + body + "\n  })();\n"
        + "  api.accessToken.setCustomClaim('result', result === undefined ? null : result);\n"
        + "};";
    return Scripts.run(engine, code, Map.of(), Scripts.Events.login()).record();
  }
}
