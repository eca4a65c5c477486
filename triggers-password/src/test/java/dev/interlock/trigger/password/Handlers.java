package dev.interlock.trigger.password;

import dev.interlock.core.javaaction.JavaAction;
import dev.interlock.core.javaaction.JavaApi;
import java.util.Map;

/** A Java action with both handlers, for resume tests. */
final class Handlers {
  private Handlers() {}

  /** Same signature as a handler. */
  @FunctionalInterface
  interface Handler {
    void handle(Map<String, Object> event, JavaApi api) throws Exception;
  }

  static JavaAction of(Handler onExecute, Handler onContinue) {
    return new JavaAction() {
      @Override
      public void onExecute(Map<String, Object> event, JavaApi api) throws Exception {
        onExecute.handle(event, api);
      }

      @Override
      public void onContinue(Map<String, Object> event, JavaApi api) throws Exception {
        onContinue.handle(event, api);
      }
    };
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> obj(Object o) {
    return (Map<String, Object>) o;
  }
}
