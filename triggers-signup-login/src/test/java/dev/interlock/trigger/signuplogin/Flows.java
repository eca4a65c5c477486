package dev.interlock.trigger.signuplogin;

import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.javaaction.JavaAction;
import dev.interlock.core.javaaction.JavaApi;
import dev.interlock.core.trigger.ApiCallException;
import dev.interlock.testkit.EngineFixture;
import dev.interlock.testkit.JavaStep;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** Shared test helpers: an engine with this family, outcome lookups, catching api rejections. */
final class Flows {
  private Flows() {}

  static EngineFixture engine() {
    return EngineFixture.of(new SignupLoginFamily());
  }

  static JavaStep step(String name, JavaAction action) {
    return JavaStep.of(name, action);
  }

  /** An action with both handlers. */
  static JavaAction resumable(JavaAction onExecute, JavaAction onContinue) {
    return new JavaAction() {
      @Override
      public void onExecute(Map<String, Object> event, JavaApi api) throws Exception {
        onExecute.onExecute(event, api);
      }

      @Override
      public void onContinue(Map<String, Object> event, JavaApi api) throws Exception {
        onContinue.onExecute(event, api);
      }
    };
  }

  /** The value at {@code path} in a JSON object, {@code null} when absent. */
  static Object at(Map<String, Object> json, String... path) {
    Object current = json;
    for (String key : path) {
      if (!(current instanceof Map<?, ?> m)) {
        return null;
      }
      current = m.get(key);
    }
    return current;
  }

  static Object outcome(ExecutionRecord record, String... path) {
    return at(record.outcome(), path);
  }

  /** Runs one action that makes {@code call}; returns what the api threw, or null if it accepted. */
  static ApiCallException rejection(String trigger, Map<String, Object> event, ApiCallAction call) {
    AtomicReference<ApiCallException> thrown = new AtomicReference<>();
    try (EngineFixture engine = engine()) {
      engine.run(trigger, event, step("probe", (e, api) -> {
        try {
          call.accept(e, api);
        } catch (ApiCallException x) {
          thrown.set(x);
        }
      }));
    }
    return thrown.get();
  }

  static ApiCallException postLoginRejection(ApiCallAction call) {
    return rejection("post-login", PostLoginEvent.builder().build(), call);
  }

  /** A Java action body that may throw. */
  @FunctionalInterface
  interface ApiCallAction {
    void accept(Map<String, Object> event, JavaApi api) throws Exception;
  }
}
