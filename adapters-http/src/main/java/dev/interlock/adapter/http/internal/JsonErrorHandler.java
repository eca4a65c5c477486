package dev.interlock.adapter.http.internal;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's error pages in the API's JSON error shape: requests Jetty refuses before any route runs
 * (a URI or header it cannot parse, headers over its limit, broken framing) and errors the servlet
 * container itself reports. Jetty's own handler answers HTML.
 */
final class JsonErrorHandler extends ErrorHandler {

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, "application/json");
    return ByteBuffer.wrap(body(status, reason).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    baseRequest.setHandled(true);
    if (response.isCommitted()) {
      return;
    }
    Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
    byte[] bytes = body(response.getStatus(), message == null ? null : message.toString())
        .getBytes(StandardCharsets.UTF_8);
    response.setContentType("application/json");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  private static String body(int status, String reason) {
    String message = reason == null || reason.isBlank() ? ErrorResponses.reason(status) : reason;
    return ErrorResponses.json(status, code(status), "the request was refused by the HTTP server: " + message, List.of());
  }

  private static String code(int status) {
    switch (status) {
      case 400: return "bad_request";
      case 404: return "not_found";
      case 405: return "method_not_allowed";
      case 408: return "request_timeout";
      case 413: return "payload_too_large";
      case 414: return "uri_too_long";
      case 415: return "unsupported_media_type";
      case 431: return "headers_too_large";
      case 505: return "http_version_not_supported";
      default: return status >= 500 ? "internal_error" : "http_" + status;
    }
  }
}
