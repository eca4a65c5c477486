package dev.interlock.adapter.http.internal;

import dev.interlock.core.json.Json;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One JSON line per request on the {@value #LOGGER} logger: time, method, path (never the query,
 * which may carry state or codes), matched route, status, duration, the name of the token used (not
 * the token) and the client address.
 */
public final class AccessLog {
  /** Name of the java.util.logging logger that receives the lines. */
  public static final String LOGGER = "dev.interlock.http.access";
  private static final Logger LOG = Logger.getLogger(LOGGER);

  private AccessLog() {}

  public static void log(Context ctx, String route, double ms) {
    if (!LOG.isLoggable(Level.INFO)) {
      return;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("time", Instant.now().toString());
    m.put("method", ctx.method().name());
    m.put("path", ctx.path());
    m.put("route", route);
    m.put("status", (long) ctx.statusCode());
    m.put("duration_ms", Math.round(ms * 1000.0) / 1000.0);
    Object token = ctx.attribute(Authenticator.TOKEN_NAME);
    m.put("token", token == null ? null : token.toString());
    m.put("remote", ctx.ip());
    LOG.info(Json.write(m));
  }
}
