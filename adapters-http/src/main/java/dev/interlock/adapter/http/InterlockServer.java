package dev.interlock.adapter.http;

import com.google.inject.Binding;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import dev.interlock.adapter.jdbc.JdbcStores;
import dev.interlock.adapter.http.internal.HttpService;
import dev.interlock.adapter.http.internal.Tokens;
import dev.interlock.adapter.micrometer.MicrometerConfig;
import dev.interlock.adapter.micrometer.MicrometerModule;
import dev.interlock.adapter.rhino.RhinoConfig;
import dev.interlock.adapter.rhino.RhinoEgress;
import dev.interlock.adapter.rhino.RhinoModule;
import dev.interlock.core.EngineConfig;
import dev.interlock.wiring.CoreModule;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Interlock HTTP server: {@code java -jar interlock-server.jar [--key=value ...]}. With no
 * arguments it listens on port {@value HttpConfig#DEFAULT_PORT} and keeps its data in {@code
 * ./interlock-data}; see {@code docs/http-api.md} for every setting.
 */
public final class InterlockServer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger("dev.interlock.http");

  private final HttpService service;
  private final JvmGcMetrics gcMetrics;
  private final AutoCloseable stores;
  private final int port;

  private InterlockServer(HttpService service, JvmGcMetrics gcMetrics, AutoCloseable stores, int port) {
    this.service = service;
    this.gcMetrics = gcMetrics;
    this.stores = stores;
    this.port = port;
  }

  /**
   * Why the server could not listen on {@code host:port}, or null when it can (port 0 always
   * can). Checked before the server writes anything, so that a second start on a busy port says
   * so instead of generating a bootstrap token for nothing.
   */
  static String portInUse(String host, int port) {
    if (port == 0) {
      return null;
    }
    try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new java.net.InetSocketAddress(host, port));
      return null;
    } catch (java.io.IOException e) {
      return "port " + port + " on " + host + " is already in use (another Interlock or another service is listening"
          + " there); stop it, or choose another port with --port=N or INTERLOCK_PORT";
    }
  }

  public static void main(String[] args) {
    if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
      dev.interlock.adapter.http.internal.ServerHelp.print();
      return;
    }
    Logging.configure();
    HttpConfig config;
    try {
      config = HttpConfig.load(args, System.getenv());
    } catch (IllegalArgumentException e) {
      LOG.severe(e.getMessage());
      System.exit(2);
      return;
    }
    String busy = portInUse(config.host(), config.port());
    if (busy != null) {
      // before anything is written (no bootstrap token that the running server would not know)
      LOG.severe("Interlock could not start: " + busy);
      System.exit(1);
      return;
    }
    Tokens.Bootstrap bootstrap = null;
    if (config.adminTokenSha256() == null && config.tokens().isEmpty()) {
      bootstrap = Tokens.bootstrap(config.dataDir());
    }
    InterlockServer server;
    try {
      server = start(config, bootstrap == null ? null : bootstrap.hash());
    } catch (RuntimeException e) {
      Throwable cause = operatorCause(e);
      if (cause != null) {
        LOG.severe("Interlock could not start: " + cause.getMessage());
      } else {
        LOG.log(Level.SEVERE, "Interlock could not start: " + e.getMessage(), e);
      }
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      LOG.info("shutting down: draining in-flight requests (up to " + config.drainTimeout().toMillis() + " ms)");
      server.close();
      LOG.info("stopped");
    }, "interlock-shutdown"));
    LOG.info("Interlock listening on " + (config.https() ? "https" : "http") + "://" + config.host() + ":" + server.port() + " (store: "
        + (config.inMemory() ? "in memory" : Stores.jdbc(config).redactedUrl()) + ")");
    if (bootstrap != null && bootstrap.newToken() != null) {
      LOG.warning("Generated the bootstrap admin token (all scopes). It is shown only now; only its SHA-256 is kept in "
          + bootstrap.file() + ":\n\n    " + bootstrap.newToken() + "\n\nUse it as 'Authorization: Bearer <token>'. "
          + "Delete that file to generate a new one, or set INTERLOCK_ADMIN_TOKEN.");
    } else if (bootstrap != null) {
      LOG.info("Admin token: the bootstrap token whose hash is in " + bootstrap.file()
          + " (delete the file and restart to generate a new one, or set INTERLOCK_ADMIN_TOKEN)");
    } else {
      LOG.info("Tokens: " + (config.adminTokenSha256() != null ? "admin token from the configuration" : "")
          + (config.tokens().isEmpty() ? "" : " " + config.tokens().size() + " configured token(s)"));
    }
  }

  /** The configuration or platform problem behind a failed start (Guice wraps it), if any. */
  private static Throwable operatorCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof dev.interlock.core.PlatformException || t instanceof IllegalArgumentException
          || t instanceof java.io.UncheckedIOException) {
        return t;
      }
    }
    return null;
  }

  /**
   * Starts a server with the configuration and extra Guice modules (script runtimes, families,
   * stores); used by {@link #main} and by tests.
   *
   * @param bootstrapTokenSha256 hash of a generated admin token, or null
   */
  public static InterlockServer start(HttpConfig config, String bootstrapTokenSha256, Module... extra) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    EngineConfig engine = EngineConfig.defaults()
        .withFlowTimeout(config.flowTimeout())
        .withActionTimeout(config.flowTimeout())
        .withAsync(config.asyncWorkers(), config.asyncQueue());
    List<Module> modules = new ArrayList<>();
    modules.add(new CoreModule(engine));
    modules.add(new MicrometerModule(registry, MicrometerConfig.defaults()));
    modules.add(new HttpModule(config, registry, bootstrapTokenSha256));
    modules.add(new RhinoModule(RhinoConfig.defaults()
        .withEgress(RhinoEgress.defaults().withAllowedHosts(config.egressAllowList()))));
    modules.addAll(Stores.modules(config));
    modules.addAll(Arrays.asList(extra));
    Injector injector = Guice.createInjector(modules);
    HttpService service = injector.getInstance(HttpService.class);
    Binding<JdbcStores> jdbc = injector.getExistingBinding(Key.get(JdbcStores.class));
    JdbcStores stores = jdbc == null ? null : jdbc.getProvider().get();
    if (stores != null) {
      service.addReadinessCheck(() -> stores.keyProblem().map(p -> "secret encryption keys: " + p + " (settings "
          + "secret.keys / INTERLOCK_SECRET_KEYS, or secret.keys.file)"));
    }
    int port = service.start();
    return new InterlockServer(service, gc, stores, port);
  }

  /** The port the server listens on. */
  public int port() {
    return port;
  }

  /** Stops taking requests, drains in-flight ones, stops the engine. */
  @Override
  public void close() {
    service.close();
    gcMetrics.close();
    if (stores != null) {
      try {
        stores.close();
      } catch (Exception e) {
        LOG.log(Level.WARNING, "closing the store failed", e);
      }
    }
  }
}
