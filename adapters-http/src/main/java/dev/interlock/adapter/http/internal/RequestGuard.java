package dev.interlock.adapter.http.internal;

import io.javalin.http.Context;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Checks every routed request before its handler runs, so that a client's mistake is a 4xx in
 * the API's shape rather than a failure deep inside: blank path parameters, query strings with a
 * broken %-escape, and bodies sent as something other than JSON.
 */
final class RequestGuard {
  private RequestGuard() {}

  static void check(Context ctx, String method) {
    for (Map.Entry<String, String> p : ctx.pathParamMap().entrySet()) {
      if (p.getValue().isBlank()) {
        throw ApiError.badRequest("invalid_path", p.getKey(), "must not be blank");
      }
    }
    String query = ctx.queryString();
    if (query != null) {
      for (String part : query.split("&")) {
        try {
          URLDecoder.decode(part, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          int eq = part.indexOf('=');
          throw ApiError.badRequest("invalid_query_string", eq < 0 ? part : part.substring(0, eq),
              "has a broken %-escape (" + e.getMessage() + ")");
        }
      }
    }
    if (!method.equals("GET") && !method.equals("DELETE") && hasBody(ctx)) {
      String type = ctx.header("Content-Type");
      if (type != null && !acceptsAsJson(type)) {
        throw new ApiError(415, "unsupported_media_type",
            "the body must be JSON (Content-Type: application/json), not " + type);
      }
    }
  }

  private static boolean hasBody(Context ctx) {
    return ctx.req().getContentLengthLong() > 0 || ctx.header("Transfer-Encoding") != null;
  }

  /**
   * JSON, or no declared type, or {@code application/x-www-form-urlencoded}: what {@code curl -d}
   * sends without {@code -H 'Content-Type: application/json'}. Such a body is still parsed as JSON,
   * and a form-encoded one gets 400 {@code invalid_json}.
   */
  static boolean acceptsAsJson(String contentType) {
    String mime = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return mime.isEmpty() || mime.equals("application/json") || mime.endsWith("+json")
        || mime.equals("application/x-www-form-urlencoded");
  }
}
