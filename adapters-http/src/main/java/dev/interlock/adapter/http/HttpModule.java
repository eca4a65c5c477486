package dev.interlock.adapter.http;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.interlock.adapter.http.internal.HttpService;
import dev.interlock.adapter.http.internal.Tokens;
import dev.interlock.core.Interlock;
import dev.interlock.core.javaaction.JavaActionRuntime;
import dev.interlock.core.port.ScriptRuntime;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Guice module of the HTTP service: binds the configuration and the Prometheus registry and
 * provides the service over the engine that {@code CoreModule} assembles.
 */
public final class HttpModule extends AbstractModule {
  /** Runtime names offered in the trigger listing when a runtime supports them. */
  private static final List<String> RUNTIME_NAMES = List.of("node22", "node18", "node16", "node12");

  private final HttpConfig config;
  private final PrometheusMeterRegistry registry;
  private final String bootstrapTokenSha256;

  /**
   * @param bootstrapTokenSha256 hash of a generated admin token accepted besides the configured
   *     ones, or null
   */
  public HttpModule(HttpConfig config, PrometheusMeterRegistry registry, String bootstrapTokenSha256) {
    this.config = config;
    this.registry = registry;
    this.bootstrapTokenSha256 = bootstrapTokenSha256;
  }

  @Override
  protected void configure() {
    bind(HttpConfig.class).toInstance(config);
    bind(PrometheusMeterRegistry.class).toInstance(registry);
  }

  @Provides
  @Singleton
  HttpService service(Interlock interlock, Set<ScriptRuntime> runtimes) {
    List<String> names = new ArrayList<>();
    for (String n : RUNTIME_NAMES) {
      if (runtimes.stream().anyMatch(r -> r.supports(n))) {
        names.add(n);
      }
    }
    // the engine always adds the Java runtime when no bound one supports it
    names.add(JavaActionRuntime.RUNTIME);
    return new HttpService(config, interlock, registry, Tokens.of(config, bootstrapTokenSha256), names);
  }
}
