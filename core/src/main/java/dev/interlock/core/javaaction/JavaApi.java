package dev.interlock.core.javaaction;

import dev.interlock.core.json.Json;
import dev.interlock.core.json.Undefined;
import dev.interlock.core.port.ApiSession;
import dev.interlock.core.trigger.ApiCallException;
import dev.interlock.core.trigger.ApiMethod;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code api} object for Java actions: {@code api.call("accessToken.setCustomClaim", name,
 * value)} behaves exactly like the script call {@code api.accessToken.setCustomClaim(name,
 * value)}. Arguments are JSON values (maps, lists, strings, numbers, booleans, null).
 */
public final class JavaApi {
  private final ApiSession session;

  JavaApi(ApiSession session) {
    this.session = session;
  }

  /**
   * Calls an api method. Returns this object for chaining methods, {@code null} for methods that
   * return nothing, the JSON result otherwise ({@link Undefined#VALUE} where JavaScript would get
   * {@code undefined}).
   *
   * @throws ApiCallException when the trigger has no such method ({@code TypeError}, as in
   *     JavaScript) or the arguments are invalid
   */
  public Object call(String path, Object... args) {
    ApiMethod method =
        session
            .contract()
            .find(path)
            .orElseThrow(() -> ApiCallException.typeError("api." + path + " is not a function"));
    List<Object> values = new ArrayList<>(args.length);
    for (Object a : args) {
      values.add(normalized(a));
    }
    Object result = session.invoke(method, values);
    if (result instanceof java.util.concurrent.CompletionStage<?> stage) {
      // Java actions are synchronous: a promise method's later answer is waited for here.
      try {
        result = stage.toCompletableFuture().join();
      } catch (java.util.concurrent.CompletionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw e;
      }
    }
    return switch (method.returnKind()) {
      case API -> this;
      case VOID -> null;
      case VALUE, PROMISE -> result;
    };
  }

  /** A deep copy with every number as the engine sees numbers from scripts ({@link Json#normalizeNumber}). */
  @SuppressWarnings("unchecked")
  private static Object normalized(Object v) {
    if (v instanceof Number n) {
      return Json.normalizeNumber(n);
    }
    if (v instanceof java.util.Map) {
      java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
      ((java.util.Map<String, Object>) v).forEach((k, x) -> out.put(k, normalized(x)));
      return out;
    }
    if (v instanceof List) {
      List<Object> out = new ArrayList<>();
      ((List<Object>) v).forEach(x -> out.add(normalized(x)));
      return out;
    }
    return v;
  }
}
