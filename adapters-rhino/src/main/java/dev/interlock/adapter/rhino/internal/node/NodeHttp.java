package dev.interlock.adapter.rhino.internal.node;

import dev.interlock.adapter.rhino.FetchInterceptor;
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
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.NativeObject;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptRuntime;

/**
 * Sends a script's HTTP requests with the JDK client, following redirects itself so that every
 * hop passes the {@link EgressPolicy}, and limiting requests per execution and bytes per
 * response. {@link #start} sends without waiting, so requests a script starts together run
 * concurrently; {@link #await} registers the script's callback for the response without blocking:
 * while it is in flight the execution holds no thread (at most until the request's timeout or the
 * execution's deadline). Waiting costs wall-clock time, not CPU or memory budget.
 */
final class NodeHttp {
  private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");
  private static final int MAX_REDIRECTS = 20;
  private static final String STATE = "interlock.node.http";

  private final EgressPolicy policy;
  private final FetchInterceptor interceptor;
  private HttpClient client;

  NodeHttp(EgressPolicy policy, FetchInterceptor interceptor) {
    this.policy = policy;
    this.interceptor = interceptor;
  }

  /** Created on first use: the client starts a selector thread, and most runtimes never fetch. */
  private synchronized HttpClient client() {
    if (client == null) {
      client = HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(policy.settings().requestTimeout())
          .build();
    }
    return client;
  }

  /** Per-execution state: requests sent so far and the ones not yet awaited. */
  private static final class Usage {
    final java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
    final Map<Integer, Pending> pending = new java.util.HashMap<>();
    int nextId;
  }

  private record Pending(CompletableFuture<Result> future, long deadlineNanos, String host) {}

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

  /** A response from the network or the interceptor. */
  private record Reply(int status, Map<String, List<String>> headers, byte[] body) {}

  private record Result(Reply response, URI url, boolean redirected) {}

  /**
   * Starts a request and returns its handle for {@link #await}. The first hop's egress check
   * (with its DNS lookup) runs here; a refusal is reported by {@code await}, like any failure.
   */
  int start(Context cx, Request request) {
    Usage usage = NodeBridge.state(cx, STATE, Usage::new);
    long timeoutNanos = request.timeoutMs() > 0
        ? (long) Math.min(request.timeoutMs() * 1e6, 1e15)
        : policy.settings().requestTimeout().toNanos();
    long deadline = Math.min(NodeBridge.deadlineNanos(cx), System.nanoTime() + timeoutNanos);
    CompletableFuture<Result> future;
    String host = request.url();
    try {
      URI uri = parse(request.url());
      host = uri.getHost() == null ? request.url() : uri.getHost();
      future = hop(usage, uri, request.method().toUpperCase(Locale.ROOT), request.headers(), request.body(),
          request.redirect(), deadline, 0, false);
    } catch (Failure f) {
      future = CompletableFuture.failedFuture(f);
    }
    int id = ++usage.nextId;
    usage.pending.put(id, new Pending(future, deadline, host));
    return id;
  }

  /** Gives up on a request the script aborted. */
  void cancel(Context cx, int id) {
    Pending p = NodeBridge.state(cx, STATE, Usage::new).pending.remove(id);
    if (p != null) {
      p.future().cancel(true);
    }
  }

  /**
   * Calls {@code callback} with a response object, or {@code {error, code}}, once the started
   * request is answered, fails, times out (its own timeout or the execution's deadline) or is
   * aborted. Does not wait: the execution lets go of its thread while the request is in flight.
   */
  void await(Context cx, int id, org.mozilla.javascript.Function callback) {
    Pending p = NodeBridge.state(cx, STATE, Usage::new).pending.get(id);
    if (p == null) {
      throw ScriptRuntime.typeError("no such request");
    }
    long timeout = Math.max(0, p.deadlineNanos() - System.nanoTime());
    NodeBridge.awaitHost(cx, p.future().orTimeout(timeout, TimeUnit.NANOSECONDS), (slice, scope, result, error) -> {
      NodeBridge.state(slice, STATE, Usage::new).pending.remove(id);
      Object value;
      try {
        value = toJs(slice, scope, unwrap(p, result, error));
      } catch (Failure f) {
        NativeObject o = NodeBridge.newObject(scope);
        o.put("error", o, f.getMessage());
        o.put("code", o, f.code);
        value = o;
      }
      callback.call(slice, scope, scope, new Object[] {value});
    });
  }

  private static Result unwrap(Pending p, Result result, Throwable error) throws Failure {
    if (error == null) {
      return result;
    }
    Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
        ? error.getCause() : error;
    if (cause instanceof TimeoutException) {
      p.future().cancel(true);
      throw new Failure("TIMEOUT", "the request to " + p.host() + " timed out");
    }
    if (cause instanceof java.util.concurrent.CancellationException) {
      throw new Failure("ABORTED", "the request was aborted");
    }
    Throwable last = cause;
    for (Throwable c = cause; c != null; c = c.getCause()) {
      if (c instanceof Failure f) {
        throw f;
      }
      if (c instanceof java.net.http.HttpTimeoutException) {
        throw new Failure("TIMEOUT", "the request to " + p.host() + " timed out");
      }
      last = c;
    }
    if (System.nanoTime() - p.deadlineNanos() >= 0) {
      // The client's own timeout can surface as the closed connection it leaves behind.
      throw new Failure("TIMEOUT", "the request to " + p.host() + " timed out");
    }
    throw new Failure("NETWORK", "request to " + p.host() + " failed: "
        + last.getClass().getSimpleName() + (last.getMessage() == null ? "" : ": " + last.getMessage()));
  }

  /** One hop; redirects chain further hops, each checked against the policy and counted. */
  private CompletableFuture<Result> hop(
      Usage usage, URI uri, String method, List<String[]> headers, byte[] body, String redirect, long deadline, int hop,
      boolean redirected) throws Failure {
    CompletableFuture<Reply> reply = intercepted(uri, method, headers, body);
    URI target = uri;
    if (reply == null) {
      EgressPolicy.Verdict verdict = policy.check(uri);
      if (verdict instanceof EgressPolicy.Denied denied) {
        throw new Failure("EGRESS_DENIED", "request to " + (uri.getHost() == null ? uri : uri.getHost()) + " denied: "
            + denied.reason());
      }
      // Connect to the host as it was checked, never as the JDK would re-read it (0177.0.0.1).
      target = ((EgressPolicy.Allowed) verdict).target();
    }
    if (usage.requests.incrementAndGet() > policy.settings().maxRequests()) {
      throw new Failure("REQUEST_LIMIT", "the action may send at most " + policy.settings().maxRequests() + " HTTP requests");
    }
    long remaining = deadline - System.nanoTime();
    if (remaining <= 0) {
      throw new Failure("TIMEOUT", "the request to " + uri.getHost() + " timed out");
    }
    if (reply == null) {
      reply = send(target, method, headers, body, remaining);
    }
    URI answered = target;
    return reply.thenCompose(response -> {
      int status = response.status();
      String location = first(response.headers(), "location");
      if (status < 300 || status > 399 || location == null || status == 304 || "manual".equals(redirect)) {
        return CompletableFuture.completedFuture(new Result(response, answered, redirected));
      }
      try {
        if ("error".equals(redirect)) {
          throw new Failure("REDIRECT", "unexpected redirect to " + location);
        }
        if (hop >= MAX_REDIRECTS) {
          throw new Failure("REDIRECT", "more than " + MAX_REDIRECTS + " redirects");
        }
        boolean toGet = status == 303 || (status == 301 || status == 302) && method.equals("POST");
        return hop(usage, answered.resolve(location), toGet && !method.equals("HEAD") ? "GET" : method, headers,
            toGet ? null : body, redirect, deadline, hop + 1, true);
      } catch (Failure f) {
        return CompletableFuture.failedFuture(f);
      } catch (IllegalArgumentException e) {
        return CompletableFuture.failedFuture(new Failure("REDIRECT", "invalid redirect location " + location));
      }
    });
  }

  /** The interceptor's answer to this hop, or null when it lets the request through. */
  private CompletableFuture<Reply> intercepted(URI uri, String method, List<String[]> headers, byte[] body) throws Failure {
    if (interceptor == FetchInterceptor.NETWORK) {
      return null;
    }
    Map<String, List<String>> named = new java.util.LinkedHashMap<>();
    for (String[] h : headers) {
      named.computeIfAbsent(h[0].toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(h[1]);
    }
    CompletionStage<FetchInterceptor.Response> answer;
    try {
      answer = interceptor.intercept(new FetchInterceptor.Request(method, uri.toString(), named, body));
    } catch (RuntimeException e) {
      throw new Failure("INTERCEPTED", String.valueOf(e.getMessage()));
    }
    if (answer == null) {
      return null;
    }
    long max = policy.settings().maxResponseBytes();
    return answer.toCompletableFuture().handle((r, t) -> {
      if (t != null) {
        Throwable cause = t instanceof java.util.concurrent.CompletionException && t.getCause() != null ? t.getCause() : t;
        throw new java.util.concurrent.CompletionException(new Failure("INTERCEPTED", String.valueOf(cause.getMessage())));
      }
      if (r == null) {
        throw new java.util.concurrent.CompletionException(new Failure("INTERCEPTED", "the interceptor gave no response"));
      }
      byte[] bytes = r.body();
      if (bytes.length > max) {
        throw new java.util.concurrent.CompletionException(
            new Failure("RESPONSE_TOO_LARGE", "the response body is larger than " + max + " bytes"));
      }
      return new Reply(r.status(), r.headers(), bytes);
    });
  }

  /** Sends one hop over the network. */
  private CompletableFuture<Reply> send(URI uri, String method, List<String[]> headers, byte[] body, long remaining)
      throws Failure {
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
    return client().sendAsync(b.build(), info -> new LimitedBody(max))
        .thenApply(r -> new Reply(r.statusCode(), r.headers().map(), r.body()));
  }

  private static String first(Map<String, List<String>> headers, String name) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
        return e.getValue().get(0);
      }
    }
    return null;
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

  private static Object toJs(Context cx, Scriptable scope, Result result) {
    Reply response = result.response();
    NativeObject o = NodeBridge.newObject(scope);
    o.put("status", o, response.status());
    o.put("statusText", o, StatusText.of(response.status()));
    o.put("url", o, result.url().toString());
    o.put("redirected", o, result.redirected());
    List<Object> headers = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : response.headers().entrySet()) {
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
