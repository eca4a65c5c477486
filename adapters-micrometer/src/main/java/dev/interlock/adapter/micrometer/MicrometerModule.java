package dev.interlock.adapter.micrometer;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import dev.interlock.adapter.micrometer.internal.MicrometerExecutionObserver;
import dev.interlock.core.port.ExecutionObserver;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Reports executions to a Micrometer {@link MeterRegistry}:
 *
 * <ul>
 *   <li>{@code interlock.executions} timer, tags {@code trigger}, {@code status};
 *   <li>{@code interlock.actions} timer, tags {@code trigger}, {@code action}, {@code status};
 *   <li>{@code interlock.action.errors} counter, tags {@code trigger}, {@code code}.
 * </ul>
 */
public final class MicrometerModule extends AbstractModule {
  private final MeterRegistry registry;
  private final MicrometerConfig config;

  public MicrometerModule(MeterRegistry registry, MicrometerConfig config) {
    this.registry = registry;
    this.config = config;
  }

  public MicrometerModule(MeterRegistry registry) {
    this(registry, MicrometerConfig.defaults());
  }

  /** The observer itself, for library users who assemble the engine without Guice. */
  public static ExecutionObserver observer(MeterRegistry registry, MicrometerConfig config) {
    return new MicrometerExecutionObserver(registry, config.maxActionNames(), config.histograms());
  }

  @Override
  protected void configure() {
    Multibinder.newSetBinder(binder(), ExecutionObserver.class).addBinding().toInstance(observer(registry, config));
  }
}
