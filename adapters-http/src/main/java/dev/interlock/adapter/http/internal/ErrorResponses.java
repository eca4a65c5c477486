package dev.interlock.adapter.http.internal;

import dev.interlock.core.ActionDefinitionException;
import dev.interlock.core.ConflictException;
import dev.interlock.core.EngineBusyException;
import dev.interlock.core.InterlockException;
import dev.interlock.core.InvalidRequestException;
import dev.interlock.core.NotFoundException;
import dev.interlock.core.PlatformException;
import dev.interlock.core.Problem;
import dev.interlock.core.json.Json;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Maps every failure to an Auth0-style JSON body {@code {statusCode, error, message, errorCode}}
 * (plus {@code problems} with JSON paths where the input was at fault). Stack traces go to the
 * server log under a reference, never to the client.
 */
public final class ErrorResponses {
  private static final Logger LOG = Logger.getLogger("dev.interlock.http");

  private ErrorResponses() {}

  public static void handle(Exception e, Context ctx) {
    if (e instanceof java.util.concurrent.CompletionException && e.getCause() instanceof Exception cause) {
      // an asynchronous handler's failure (ctx.future)
      handle(cause, ctx);
      return;
    }
    if (e instanceof ApiError a) {
      if (a.status() == 503) {
        ctx.header("Retry-After", "1");
      }
      write(ctx, a.status(), a.errorCode(), a.getMessage(), a.problems());
    } else if (e instanceof InvalidRequestException || e instanceof ActionDefinitionException) {
      InterlockException ie = (InterlockException) e;
      write(ctx, 400, ie.code(), message(ie), ie.problems());
    } else if (e instanceof NotFoundException nf) {
      write(ctx, 404, nf.code(), nf.getMessage(), List.of());
    } else if (e instanceof ConflictException c) {
      write(ctx, 409, c.code(), c.getMessage(), List.of());
    } else if (e instanceof EngineBusyException b) {
      ctx.header("Retry-After", "1");
      write(ctx, 503, b.code(), b.getMessage(), List.of());
    } else if (e instanceof HttpResponseException h) {
      int status = h.getStatus();
      String code;
      String message = h.getMessage();
      switch (status) {
        case 413:
          code = "payload_too_large";
          message = "the request body is larger than the limit (max.body.bytes)";
          break;
        case 404:
          code = "not_found";
          break;
        case 405:
          code = "method_not_allowed";
          break;
        default:
          code = "http_" + status;
      }
      write(ctx, status, code, message, List.of());
    } else if (e instanceof PlatformException p && p.code().startsWith("secret_key")) {
      // the operator's keyring does not fit the stored secrets; readiness reports the same
      ctx.header("Retry-After", "30");
      write(ctx, 503, p.code(), "secrets cannot be used: " + p.getMessage()
          + " (settings secret.keys / INTERLOCK_SECRET_KEYS, or secret.keys.file)", List.of());
    } else if (clientWentAway(e)) {
      // the client closed the connection (an aborted upload or download): nothing failed here
      LOG.log(Level.FINE, "request " + ctx.method() + " " + ctx.path() + ": the client closed the connection", e);
      write(ctx, 400, "client_closed", "the connection was closed before the exchange completed", List.of());
    } else {
      String ref = UUID.randomUUID().toString();
      LOG.log(Level.SEVERE, "request " + ctx.method() + " " + ctx.path() + " failed, reference " + ref, e);
      String code = e instanceof InterlockException ie ? ie.code() : "internal_error";
      write(ctx, 500, code, "the server failed to handle the request; reference " + ref + " in the server log",
          List.of());
    }
  }

  private static String message(InterlockException e) {
    if (e.problems().isEmpty()) {
      return e.getMessage();
    }
    List<String> parts = new ArrayList<>();
    for (Problem p : e.problems()) {
      parts.add(p.toString());
    }
    return e.getMessage() + ": " + String.join("; ", parts);
  }

  private static boolean clientWentAway(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof org.eclipse.jetty.io.EofException) {
        return true;
      }
    }
    return false;
  }

  public static void write(Context ctx, int status, String errorCode, String message, List<Problem> problems) {
    ctx.status(status).contentType("application/json").result(json(status, errorCode, message, problems));
  }

  /** The error body as JSON text. */
  static String json(int status, String errorCode, String message, List<Problem> problems) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("statusCode", (long) status);
    body.put("error", reason(status));
    body.put("message", message);
    body.put("errorCode", errorCode);
    if (!problems.isEmpty()) {
      List<Object> ps = new ArrayList<>();
      for (Problem p : problems) {
        Map<String, Object> pm = new LinkedHashMap<>();
        pm.put("path", p.path());
        pm.put("message", p.message());
        ps.add(pm);
      }
      body.put("problems", ps);
    }
    return Json.write(body);
  }

  static String reason(int status) {
    switch (status) {
      case 400: return "Bad Request";
      case 401: return "Unauthorized";
      case 403: return "Forbidden";
      case 404: return "Not Found";
      case 405: return "Method Not Allowed";
      case 408: return "Request Timeout";
      case 409: return "Conflict";
      case 413: return "Payload Too Large";
      case 414: return "URI Too Long";
      case 415: return "Unsupported Media Type";
      case 431: return "Request Header Fields Too Large";
      case 429: return "Too Many Requests";
      case 503: return "Service Unavailable";
      default: return status >= 500 ? "Internal Server Error" : "Error";
    }
  }
}
