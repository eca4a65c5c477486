package dev.interlock.adapter.http.internal;

import dev.interlock.core.InvalidRequestException;
import dev.interlock.core.Problem;
import dev.interlock.core.json.Json;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A JSON request body read with typed accessors that collect every problem with its JSON path;
 * {@link #done()} refuses the request when any was found.
 */
public final class Body {
  private final List<Problem> problems = new ArrayList<>();

  /** Parses the body as a JSON object; an empty body is {@code emptyAllowed ? {} : error}. */
  public static Map<String, Object> object(Context ctx, boolean emptyAllowed) {
    return object(ctx, emptyAllowed, -1);
  }

  /**
   * As {@link #object(Context, boolean)}; with {@code maxBytes >= 0} (the server's body limit), a
   * body of a declared length within it is read without Javalin's copies (see {@link #bytes}).
   */
  public static Map<String, Object> object(Context ctx, boolean emptyAllowed, long maxBytes) {
    byte[] raw = bytes(ctx, maxBytes);
    String text = new String(raw, StandardCharsets.UTF_8);
    if (text.isBlank()) {
      if (emptyAllowed) {
        return new java.util.LinkedHashMap<>();
      }
      throw ApiError.badRequest("invalid_body", "$", "a JSON object is required");
    }
    Object v;
    try {
      v = Json.parse(text);
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("invalid_json", "$", e.getMessage());
    }
    if (v == null && emptyAllowed) {
      return new java.util.LinkedHashMap<>(); // Auth0 documents some bodies as nullable
    }
    if (!(v instanceof Map)) {
      throw ApiError.badRequest("invalid_body", "$", "must be a JSON object, got " + Json.typeOf(v));
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) v;
    return m;
  }

  /**
   * The request body, read under the service's {@link BodyLimits} (set on every routed request): a
   * declared length over the limit is refused before reading, a chunked body is read up to one
   * byte past it, and at most {@code http.body.reads} bodies are read at once (a request finding no
   * slot gets 503 rather than a thread that waits for a slow client). A body with a declared length
   * is read straight into one array of that length (Javalin's own read copies it through two 8 KiB
   * buffers and a growing stream on every request).
   */
  static byte[] bytes(Context ctx, long maxBytes) {
    BodyLimits limits = ctx.attribute(BodyLimits.ATTRIBUTE);
    long max = limits != null ? limits.maxBytes() : maxBytes >= 0 ? maxBytes : Integer.MAX_VALUE - 1;
    long length = ctx.req().getContentLengthLong();
    if (length > max) {
      throw BodyLimits.tooLarge();
    }
    if (length == 0) {
      return new byte[0];
    }
    if (limits != null && !limits.reads().tryAcquire()) {
      throw new ApiError(503, "too_many_uploads", "every request-body slot (http.body.reads) is busy; retry");
    }
    try {
      java.io.InputStream in = ctx.req().getInputStream();
      if (length > 0) {
        byte[] raw = in.readNBytes((int) length);
        if (raw.length != length) {
          throw BodyLimits.incomplete();
        }
        return raw;
      }
      byte[] raw = in.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 1));
      if (raw.length > max) {
        throw BodyLimits.tooLarge();
      }
      return raw;
    } catch (java.io.IOException | RuntimeException e) {
      throw BodyLimits.unreadable(e);
    } finally {
      if (limits != null) {
        limits.reads().release();
      }
    }
  }

  /**
   * Answers with a JSON text written straight to the response: {@code ctx.result(String)} would
   * copy it into a byte stream and then through a fresh 4 KiB buffer on every request.
   */
  static void sendJson(Context ctx, int status, String json) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    ctx.status(status).contentType("application/json");
    ctx.res().setContentLength(bytes.length);
    try {
      ctx.res().getOutputStream().write(bytes);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public void problem(String path, String message) {
    problems.add(new Problem(path, message));
  }

  public String string(Map<String, Object> m, String field, String path, boolean required) {
    Object v = m.get(field);
    if (v == null) {
      if (required) {
        problem(path, "is required");
      }
      return null;
    }
    if (!(v instanceof String s)) {
      problem(path, "must be a string, got " + Json.typeOf(v));
      return null;
    }
    return s;
  }

  public Boolean bool(Map<String, Object> m, String field, String path) {
    Object v = m.get(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof Boolean b)) {
      problem(path, "must be a boolean, got " + Json.typeOf(v));
      return null;
    }
    return b;
  }

  @SuppressWarnings("unchecked")
  public List<Object> array(Map<String, Object> m, String field, String path, boolean required) {
    Object v = m.get(field);
    if (v == null) {
      if (required) {
        problem(path, "is required");
      }
      return null;
    }
    if (!(v instanceof List)) {
      problem(path, "must be an array, got " + Json.typeOf(v));
      return null;
    }
    return (List<Object>) v;
  }

  @SuppressWarnings("unchecked")
  public Map<String, Object> object(Object v, String path, boolean required) {
    if (v == null) {
      if (required) {
        problem(path, "is required");
      }
      return null;
    }
    if (!(v instanceof Map)) {
      problem(path, "must be an object, got " + Json.typeOf(v));
      return null;
    }
    return (Map<String, Object>) v;
  }

  /** Refuses the request with every problem found so far. */
  public void done() {
    if (!problems.isEmpty()) {
      throw new InvalidRequestException("invalid_body", "the request body is invalid", problems);
    }
  }

  /** Reads a non-negative integer query parameter. */
  public static Integer intQuery(Context ctx, String name, int max) {
    String v = ctx.queryParam(name);
    if (v == null || v.isEmpty()) {
      return null;
    }
    try {
      int i = Integer.parseInt(v);
      if (i < 0 || i > max) {
        throw ApiError.badRequest("invalid_query_string", name, "must be between 0 and " + max);
      }
      return i;
    } catch (NumberFormatException e) {
      throw ApiError.badRequest("invalid_query_string", name, "must be a whole number, got '" + v + "'");
    }
  }

  /** Reads a boolean query parameter. */
  public static Boolean boolQuery(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null || v.isEmpty()) {
      return null;
    }
    if (v.equals("true") || v.equals("false")) {
      return Boolean.valueOf(v);
    }
    throw ApiError.badRequest("invalid_query_string", name, "must be true or false, got '" + v + "'");
  }
}
