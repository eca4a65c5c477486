package dev.interlock.adapter.http.internal;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.BadMessageException;

/**
 * What the service allows a request body: at most {@code maxBytes}, and one of {@code reads}
 * slots while it is read. Set on each routed request as a context attribute; also turns the ways
 * a body read fails into the client errors they are.
 */
record BodyLimits(long maxBytes, Semaphore reads) {
  static final String ATTRIBUTE = "interlock.body.limits";

  static ApiError tooLarge() {
    return new ApiError(413, "payload_too_large", "the request body is larger than the limit (max.body.bytes)");
  }

  static ApiError incomplete() {
    return new ApiError(400, "incomplete_body",
        "the request body ended before its declared length (the client closed the connection?)");
  }

  /** The client error behind a failed body read; an {@link ApiError} passes through. */
  static RuntimeException unreadable(Exception e) {
    if (e instanceof ApiError a) {
      return a;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TimeoutException) {
        return new ApiError(408, "request_timeout",
            "the request body did not arrive within the idle timeout (http.idle.timeout.ms)");
      }
      if (t instanceof BadMessageException b) {
        if (b.getCode() == 413) {
          return tooLarge();
        }
        return new ApiError(b.getCode() == 408 ? 408 : 400, b.getCode() == 408 ? "request_timeout" : "malformed_body",
            "the request body is not well framed: " + (b.getReason() == null ? b.getMessage() : b.getReason()));
      }
    }
    if (e instanceof java.io.IOException) {
      return incomplete();
    }
    return (RuntimeException) e;
  }
}
