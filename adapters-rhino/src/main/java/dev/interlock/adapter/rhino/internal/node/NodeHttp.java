package dev.interlock.adapter.rhino.internal.node;

import dev.interlock.adapter.rhino.internal.NodeBridge;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.NativeObject;
import org.mozilla.javascript.Scriptable;

/**
 * Sends a script's HTTP request with the JDK client, following redirects itself so that every hop
 * passes the {@link EgressPolicy}, and limiting requests per execution and bytes per response.
 * The engine thread waits for the response (at most until the execution's deadline): waiting
 * costs wall-clock time, not CPU or memory budget.
 */
final class NodeHttp {
  private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");
  private static final int MAX_REDIRECTS = 20;
  private static final String STATE = "interlock.node.http";

  private final EgressPolicy policy;
  private final HttpClient client;

  NodeHttp(EgressPolicy policy) {
    this.policy = policy;
    this.client = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(policy.settings().requestTimeout())
        .build();
  }

  /** Per-execution counters. */
  private static final class Usage {
    int requests;
  }

  /** A failure the script sees as an Error with {@code code}. */
  static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;
    final String code;

    Failure(String code, String message) {
      super(message, null, false, false);
      this.code = code;
    }
  }

  /** A request as the script described it. */
  record Request(String method, String url, List<String[]> headers, byte[] body, double timeoutMs, String redirect) {}

  Object send(Context cx, Scriptable scope, Request request) {
    try {
      return toJs(cx, scope, exchange(cx, request));
    } catch (Failure f) {
      NativeObject o = NodeBridge.newObject(scope);
      o.put("error", o, f.getMessage());
      o.put("code", o, f.code);
      return o;
    }
  }

  private record Result(HttpResponse<byte[]> response, URI url, boolean redirected) {}

  private Result exchange(Context cx, Request request) throws Failure {
    Usage usage = NodeBridge.state(cx, STATE, Usage::new);
    long deadline = NodeBridge.deadlineNanos(cx);
    long timeoutNanos = request.timeoutMs() > 0
        ? (long) Math.min(request.timeoutMs() * 1e6, 1e15)
        : policy.settings().requestTimeout().toNanos();
    long requestDeadline = Math.min(deadline, System.nanoTime() + timeoutNanos);
    URI uri = parse(request.url());
    String method = request.method().toUpperCase(Locale.ROOT);
    byte[] body = request.body();
    boolean redirected = false;
    for (int hop = 0; ; hop++) {
      String denied = policy.deny(uri);
      if (denied != null) {
        throw new Failure("EGRESS_DENIED", "request to " + (uri.getHost() == null ? uri : uri.getHost()) + " denied: " + denied);
      }
      if (++usage.requests > policy.settings().maxRequests()) {
        throw new Failure("REQUEST_LIMIT", "the action may send at most " + policy.settings().maxRequests() + " HTTP requests");
      }
      HttpResponse<byte[]> response = sendOnce(uri, method, request.headers(), body, requestDeadline);
      int status = response.statusCode();
      String location = response.headers().firstValue("location").orElse(null);
      if (status < 300 || status > 399 || location == null || status == 304 || "manual".equals(request.redirect())) {
        return new Result(response, uri, redirected);
      }
      if ("error".equals(request.redirect())) {
        throw new Failure("REDIRECT", "unexpected redirect to " + location);
      }
      if (hop >= MAX_REDIRECTS) {
        throw new Failure("REDIRECT", "more than " + MAX_REDIRECTS + " redirects");
      }
      uri = uri.resolve(location);
      redirected = true;
      if (status == 303 || (status == 301 || status == 302) && method.equals("POST")) {
        method = method.equals("HEAD") ? "HEAD" : "GET";
        body = null;
      }
    }
  }

  private static URI parse(String url) throws Failure {
    try {
      URI uri = new URI(url);
      if (!uri.isAbsolute()) {
        throw new Failure("INVALID_URL", "Invalid URL: " + url);
      }
      return uri;
    } catch (java.net.URISyntaxException e) {
      throw new Failure("INVALID_URL", "Invalid URL: " + url);
    }
  }

  private HttpResponse<byte[]> sendOnce(URI uri, String method, List<String[]> headers, byte[] body, long deadline)
      throws Failure {
    long remaining = deadline - System.nanoTime();
    if (remaining <= 0) {
      throw new Failure("TIMEOUT", "the request timed out");
    }
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofNanos(remaining));
    boolean hasBody = body != null && !method.equals("GET") && !method.equals("HEAD");
    b.method(method, hasBody ? HttpRequest.BodyPublishers.ofByteArray(body) : HttpRequest.BodyPublishers.noBody());
    for (String[] h : headers) {
      if (!RESTRICTED.contains(h[0].toLowerCase(Locale.ROOT))) {
        try {
          b.header(h[0], h[1]);
        } catch (IllegalArgumentException e) {
          throw new Failure("INVALID_HEADER", "invalid header '" + h[0] + "'");
        }
      }
    }
    long max = policy.settings().maxResponseBytes();
    CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(b.build(), info -> new LimitedBody(max));
    try {
      return future.get(remaining, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new Failure("TIMEOUT", "the request to " + uri.getHost() + " timed out");
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new Failure("TIMEOUT", "the request was interrupted");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      while (cause != null && !(cause instanceof Failure) && cause.getCause() != null) {
        cause = cause.getCause();
      }
      if (cause instanceof Failure f) {
        throw f;
      }
      if (cause instanceof java.net.http.HttpTimeoutException) {
        throw new Failure("TIMEOUT", "the request to " + uri.getHost() + " timed out");
      }
      throw new Failure("NETWORK", "request to " + uri.getHost() + " failed: "
          + (cause == null ? e.getMessage() : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage())));
    }
  }

  private static Object toJs(Context cx, Scriptable scope, Result result) {
    HttpResponse<byte[]> response = result.response();
    NativeObject o = NodeBridge.newObject(scope);
    o.put("status", o, response.statusCode());
    o.put("statusText", o, StatusText.of(response.statusCode()));
    o.put("url", o, result.url().toString());
    o.put("redirected", o, result.redirected());
    List<Object> headers = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : response.headers().map().entrySet()) {
      if (e.getKey().startsWith(":")) {
        continue;
      }
      headers.add(e.getKey().toLowerCase(Locale.ROOT));
      headers.add(String.join(", ", e.getValue()));
    }
    o.put("headers", o, NodeBridge.toJs(cx, scope, headers));
    o.put("body", o, Bytes.array(cx, scope, response.body()));
    return o;
  }

  /** Collects a response body, failing once it grows past the limit. */
  private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final long max;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    private Flow.Subscription subscription;

    LimitedBody(long max) {
      this.max = max;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      for (ByteBuffer buf : items) {
        if (out.size() + (long) buf.remaining() > max) {
          subscription.cancel();
          result.completeExceptionally(
              new Failure("RESPONSE_TOO_LARGE", "the response body is larger than " + max + " bytes"));
          return;
        }
        byte[] chunk = new byte[buf.remaining()];
        buf.get(chunk);
        out.writeBytes(chunk);
      }
    }

    @Override
    public void onError(Throwable t) {
      result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      result.complete(out.toByteArray());
    }
  }
}
