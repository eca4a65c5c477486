package dev.interlock.adapter.rhino;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * Answers the HTTP requests of scripts ({@code fetch}, {@code axios}) in place of the network:
 * stubbed responses in tests, recorded fixtures, or a host-side proxy. Consulted for every hop
 * (a stubbed redirect leads to the next hop), before the egress policy: an intercepted request
 * never reaches the network, so it needs no allow-list entry. Requests still count against the
 * execution's request limit, and a response body still counts against the size limit.
 *
 * <p>Implementations must be thread-safe (executions run concurrently) and must not block: a
 * slow answer is a stage that completes later, during which the engine thread runs other
 * executions.
 */
@FunctionalInterface
public interface FetchInterceptor {

  /** Lets every request through to the network. */
  FetchInterceptor NETWORK = request -> null;

  /**
   * Returns the response to give the script, or {@code null} to send the request over the network
   * under the egress policy. A stage that completes exceptionally reaches the script as a failed
   * request ({@code TypeError: fetch failed: <message>} with code {@code INTERCEPTED}), so the
   * message must not carry secrets.
   */
  CompletionStage<Response> intercept(Request request);

  /**
   * One request as the script sends it.
   *
   * @param method upper-case method
   * @param url absolute URL after redirects so far
   * @param headers header names in lower case, values in the order given
   * @param body request body, empty when there is none
   */
  record Request(String method, String url, Map<String, List<String>> headers, byte[] body) {
    public Request {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(url, "url");
      headers = copy(headers);
      body = body == null ? new byte[0] : body.clone();
    }

    @Override
    public byte[] body() {
      return body.clone();
    }

    /** The first value of a header (name in any case), or null. */
    public String header(String name) {
      List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
      return values == null || values.isEmpty() ? null : values.get(0);
    }
  }

  /**
   * The answer given to the script.
   *
   * @param status HTTP status, 100 to 599
   * @param headers response headers (names in any case)
   * @param body response body
   */
  record Response(int status, Map<String, List<String>> headers, byte[] body) {
    public Response {
      if (status < 100 || status > 599) {
        throw new IllegalArgumentException("status must be between 100 and 599, got " + status);
      }
      headers = copy(headers);
      body = body == null ? new byte[0] : body.clone();
    }

    @Override
    public byte[] body() {
      return body.clone();
    }
  }

  private static Map<String, List<String>> copy(Map<String, List<String>> headers) {
    Map<String, List<String>> out = new java.util.LinkedHashMap<>();
    headers.forEach((k, v) -> out.put(k, List.copyOf(v)));
    return java.util.Collections.unmodifiableMap(out);
  }
}
