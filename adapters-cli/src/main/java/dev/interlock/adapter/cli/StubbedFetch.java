package dev.interlock.adapter.cli;

import dev.interlock.adapter.rhino.FetchInterceptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The fetch interceptor of one {@code interlock test} engine. The runtime is built once per run, so
 * this interceptor answers from the stubs of whichever case is running ({@link #begin}); cases run
 * one after another. Without a matching stub a request fails ({@code no stub for GET <url>}) and
 * fails its case, unless unmatched requests may go to the network.
 */
final class StubbedFetch implements FetchInterceptor {
  private final boolean allowNetwork;
  private final AtomicReference<CaseFetch> current = new AtomicReference<>();

  StubbedFetch(boolean allowNetwork) {
    this.allowNetwork = allowNetwork;
  }

  /** Makes {@code stubs} answer requests until {@link #end}. */
  CaseFetch begin(List<FetchStub> stubs, Map<String, String> secrets) {
    CaseFetch c = new CaseFetch(stubs, secrets, allowNetwork);
    current.set(c);
    return c;
  }

  void end(CaseFetch c) {
    current.compareAndSet(c, null);
  }

  @Override
  public CompletionStage<Response> intercept(Request request) {
    CaseFetch c = current.get();
    if (c == null) {
      // a request that outlived its case (a timed-out execution): never let it reach the network
      return CompletableFuture.failedFuture(new StubFailure("no test case is running"));
    }
    return c.answer(request);
  }

  /** One case's stubs and the requests its actions made. Thread-safe. */
  static final class CaseFetch {
    private final List<FetchStub> stubs;
    private final int[] used;
    private final Map<String, String> secrets;
    private final boolean allowNetwork;
    private final List<String[]> requests = new ArrayList<>();
    private final List<String> unmatched = new ArrayList<>();

    private CaseFetch(List<FetchStub> stubs, Map<String, String> secrets, boolean allowNetwork) {
      this.stubs = List.copyOf(stubs);
      this.used = new int[stubs.size()];
      this.secrets = Map.copyOf(secrets);
      this.allowNetwork = allowNetwork;
    }

    synchronized CompletionStage<Response> answer(Request request) {
      requests.add(new String[] {request.method(), request.url()});
      for (int i = 0; i < stubs.size(); i++) {
        FetchStub s = stubs.get(i);
        if ((s.times() == null || used[i] < s.times()) && s.matches(request)) {
          used[i]++;
          return respond(s);
        }
      }
      if (allowNetwork) {
        return null;
      }
      String described = describe(request.method(), request.url());
      unmatched.add(described);
      return CompletableFuture.failedFuture(new StubFailure("no stub for " + described));
    }

    private static CompletionStage<Response> respond(FetchStub s) {
      CompletableFuture<Response> answer = new CompletableFuture<>();
      Runnable complete = s.error() != null
          ? () -> answer.completeExceptionally(new StubFailure(s.error()))
          : () -> answer.complete(s.response());
      if (s.delayMs() == 0) {
        complete.run();
      } else {
        // a stage completing later, never a sleeping engine thread
        Executor later = CompletableFuture.delayedExecutor(s.delayMs(), TimeUnit.MILLISECONDS);
        later.execute(complete);
      }
      return answer;
    }

    /**
     * What went wrong with this case's requests: requests no stub answered, stubs used other than
     * their {@code times}, and {@code expect.fetch} (a list of {@code {method, url}}, already
     * validated) not matching the requests made, in order.
     */
    synchronized List<String> failures(Object expectFetch) {
      List<String> failures = new ArrayList<>();
      for (String u : unmatched) {
        failures.add("fetch: no stub for " + u + " (add one under \"fetch\", or run with --allow-network)");
      }
      for (int i = 0; i < stubs.size(); i++) {
        FetchStub s = stubs.get(i);
        if (s.times() != null && used[i] != s.times()) {
          failures.add("fetch: the stub at " + s.at() + " (" + (s.method() == null ? "" : s.method() + " ") + s.url()
              + ") answered " + used[i] + " of its " + s.times() + " requests");
        }
      }
      if (expectFetch instanceof List<?> expected && !requestsMatch(expected)) {
        StringBuilder want = new StringBuilder();
        for (Object e : expected) {
          Map<?, ?> m = (Map<?, ?>) e;
          want.append(m.get("method") == null ? "*" : m.get("method")).append(' ').append(m.get("url")).append('\n');
        }
        StringBuilder got = new StringBuilder();
        for (String[] r : requests) {
          got.append(describe(r[0], r[1])).append('\n');
        }
        failures.add("fetch: expected these requests in this order\n"
            + UnifiedDiff.of("expected", want.toString(), "actual", got.toString()).stripTrailing());
      }
      return failures;
    }

    private boolean requestsMatch(List<?> expected) {
      if (expected.size() != requests.size()) {
        return false;
      }
      for (int i = 0; i < expected.size(); i++) {
        Map<?, ?> e = (Map<?, ?>) expected.get(i);
        String[] r = requests.get(i);
        if (e.get("method") != null && !String.valueOf(e.get("method")).equalsIgnoreCase(r[0])
            || !FetchStub.urlMatches(String.valueOf(e.get("url")), r[1])) {
          return false;
        }
      }
      return true;
    }

    /** {@code METHOD url}, with the case's secret values (4 characters or more) masked. */
    private String describe(String method, String url) {
      String shown = url;
      for (Map.Entry<String, String> s : secrets.entrySet()) {
        if (s.getValue().length() >= 4) {
          shown = shown.replace(s.getValue(), "<secret " + s.getKey() + ">");
        }
      }
      return method + " " + shown;
    }
  }

  /** A stubbed or refused request; the script sees {@code TypeError: fetch failed: <message>}. */
  private static final class StubFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StubFailure(String message) {
      super(message, null, false, false);
    }
  }
}
