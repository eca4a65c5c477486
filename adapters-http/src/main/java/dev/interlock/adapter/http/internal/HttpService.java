package dev.interlock.adapter.http.internal;

import dev.interlock.adapter.http.HttpConfig;
import dev.interlock.core.Interlock;
import dev.interlock.core.execution.ExecutionId;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The HTTP service: the route table (management, execution and operations endpoints), bearer
 * authentication, Auth0-style errors, HTTP metrics and the access log, on Javalin/Jetty. Stopping it
 * closes the port, waits for in-flight requests up to the drain timeout, then stops the engine.
 */
public final class HttpService implements AutoCloseable {
  private static final String OPENAPI = "/dev/interlock/adapter/http/openapi.json";

  private final HttpConfig config;
  private final Interlock interlock;
  private final PrometheusMeterRegistry registry;
  private final Authenticator authenticator;
  private final List<Route> routes;
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();
  private final String openApi;
  private final BodyLimits bodyLimits;
  private final List<Supplier<Optional<String>>> readinessChecks = new CopyOnWriteArrayList<>();
  private volatile boolean draining;
  private Javalin app;

  public HttpService(HttpConfig config, Interlock interlock, PrometheusMeterRegistry registry, Tokens tokens,
      List<String> runtimes) {
    this.config = config;
    this.interlock = interlock;
    this.registry = registry;
    this.authenticator = new Authenticator(tokens);
    this.openApi = resource(OPENAPI);
    this.bodyLimits = new BodyLimits(config.maxBodyBytes(), new Semaphore(config.bodyReads()));
    List<Route> all = new ArrayList<>();
    all.add(new Route("GET", "/health/live", Route.Access.PUBLIC, Set.of(), this::live));
    all.add(new Route("GET", "/health/ready", Route.Access.PUBLIC, Set.of(), this::ready));
    all.add(Route.scoped("GET", "/metrics", "read:metrics", this::metrics));
    all.add(new Route("GET", "/openapi.json", Route.Access.AUTHENTICATED, Set.of(),
        ctx -> ctx.contentType("application/json").result(openApi)));
    all.addAll(new ManagementRoutes(interlock.administration(), interlock.executor(), interlock.triggers(), runtimes)
        .routes());
    all.addAll(new ExecutionRoutes(interlock.executor(), config.maxBodyBytes(),
        new ExecutionGate(config.executeConcurrency(), config.flowTimeout())).routes());
    this.routes = List.copyOf(all);
  }

  /**
   * Adds a condition for readiness: a non-empty answer is the reason the service is not ready (a
   * store that cannot decrypt its secrets, say). Checked on every {@code /health/ready}.
   */
  public void addReadinessCheck(Supplier<Optional<String>> check) {
    readinessChecks.add(check);
  }

  /** Every route the service serves. */
  public List<Route> routes() {
    return routes;
  }

  /** Starts listening; returns the bound port. */
  public synchronized int start() {
    QueuedThreadPool pool = new QueuedThreadPool(config.httpThreads(), Math.min(8, config.httpThreads()));
    pool.setName("interlock-http");
    // read before Jetty starts, so a bad certificate or password stops the start with its setting named
    java.security.KeyStore identity = config.tls() == null ? null : TlsIdentity.load(config.tls());
    app = Javalin.create(c -> {
      c.showJavalinBanner = false;
      c.startupWatcherEnabled = false;
      c.http.maxRequestSize = config.maxBodyBytes();
      c.http.prefer405over404 = true;
      c.http.disableCompression();
      c.http.defaultContentType = "application/json";
      c.jetty.threadPool = pool;
      c.jetty.addConnector((server, http) -> {
        ServerConnector connector;
        if (identity == null) {
          connector = new ServerConnector(server, new HttpConnectionFactory(http));
        } else {
          // HTTP/1.1 over TLS on the same port; the request's scheme becomes https
          http.addCustomizer(new org.eclipse.jetty.server.SecureRequestCustomizer(false));
          org.eclipse.jetty.util.ssl.SslContextFactory.Server ssl = new org.eclipse.jetty.util.ssl.SslContextFactory.Server();
          ssl.setKeyStore(identity);
          ssl.setKeyStorePassword(TlsIdentity.MEMORY_PASSWORD);
          ssl.setKeyManagerPassword(TlsIdentity.MEMORY_PASSWORD);
          connector = new ServerConnector(server, ssl, new HttpConnectionFactory(http));
        }
        connector.setHost(config.host());
        connector.setPort(config.port());
        // also bounds each blocking read of a request body: a stalled upload ends with 408
        connector.setIdleTimeout(config.idleTimeout().toMillis());
        return connector;
      });
      c.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new JsonErrorHandler()));
      c.jetty.modifyServer(server -> {
        server.setErrorHandler(new JsonErrorHandler());
        // StatisticsHandler tracks in-flight requests so that stop() can wait for them
        server.setHandler(new StatisticsHandler());
        server.setStopTimeout(config.drainTimeout().toMillis());
        server.setStopAtShutdown(false);
      });
      c.requestLogger.http(this::afterRequest);
    });
    for (Route r : routes) {
      app.addHttpHandler(HandlerType.valueOf(r.method()), r.path(), ctx -> {
        authenticator.check(ctx, r);
        RequestGuard.check(ctx, r.method());
        ctx.attribute(BodyLimits.ATTRIBUTE, bodyLimits);
        r.handler().handle(ctx);
      });
    }
    app.exception(HttpResponseException.class, ErrorResponses::handle);
    app.exception(Exception.class, ErrorResponses::handle);
    app.start();
    return app.port();
  }

  public int port() {
    return app.port();
  }

  private void afterRequest(Context ctx, Float ms) {
    String route;
    try {
      route = ctx.endpointHandlerPath();
    } catch (RuntimeException e) {
      route = null;
    }
    if (route == null || route.isEmpty() || route.equals("*")) {
      route = "NOT_FOUND";
    }
    String key = ctx.method().name() + " " + route + " " + ctx.statusCode();
    String r = route;
    timers.computeIfAbsent(key, k -> Timer.builder("http.server.requests")
            .description("HTTP requests by method, route and status")
            .tag("method", ctx.method().name()).tag("uri", r).tag("status", String.valueOf(ctx.statusCode()))
            .publishPercentileHistogram()
            .register(registry))
        .record((long) (ms * 1_000_000L), TimeUnit.NANOSECONDS);
    if (config.accessLog()) {
      AccessLog.log(ctx, route, ms);
    }
  }

  private void live(Context ctx) {
    ManagementRoutes.send(ctx, 200, Map.of("status", "UP"));
  }

  private void ready(Context ctx) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (draining) {
      m.put("status", "DOWN");
      m.put("reason", "shutting down");
      ManagementRoutes.send(ctx, 503, m);
      return;
    }
    for (Supplier<Optional<String>> check : readinessChecks) {
      Optional<String> problem = check.get();
      if (problem.isPresent()) {
        m.put("status", "DOWN");
        m.put("reason", problem.get());
        ManagementRoutes.send(ctx, 503, m);
        return;
      }
    }
    try {
      interlock.executor().find(new ExecutionId("exec_readiness_probe"));
      m.put("status", "UP");
      ManagementRoutes.send(ctx, 200, m);
    } catch (RuntimeException e) {
      m.put("status", "DOWN");
      m.put("reason", "the execution store does not answer: " + e.getClass().getSimpleName());
      ManagementRoutes.send(ctx, 503, m);
    }
  }

  private void metrics(Context ctx) {
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
  }

  /**
   * Stops taking new connections, lets in-flight requests finish within the drain timeout, then
   * stops the engine (which lets running async flows finish within the flow timeout).
   */
  @Override
  public synchronized void close() {
    draining = true;
    if (app != null) {
      app.stop();
    }
    interlock.close();
  }

  private static String resource(String name) {
    try (InputStream in = HttpService.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
