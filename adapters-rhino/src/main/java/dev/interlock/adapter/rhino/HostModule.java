package dev.interlock.adapter.rhino;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A module scripts can {@code require} by name, implemented by the host application in Java, for
 * example {@code require('acme-users').findByEmail(email)}. Functions take and return JSON values
 * (Map, List, String, Long/Double, Boolean, null): scripts never see Java objects. A function
 * returning a {@link java.util.concurrent.CompletionStage} gives the script a promise settled when
 * the stage completes; meanwhile the execution holds no thread, and a stage that is not complete by
 * the execution's deadline fails the action with {@code action_timeout}. A thrown exception becomes a JavaScript
 * {@code Error} with the exception's message, so messages must not carry secrets.
 *
 * <p>Register instances with {@link RhinoConfig#withHostModules} or, with Guice, {@code
 * Multibinder.newSetBinder(binder(), HostModule.class).addBinding().toInstance(...)}.
 */
public interface HostModule {

  /** The name scripts pass to {@code require}; must not clash with a built-in module. */
  String name();

  /** The module's functions by export name. */
  Map<String, Function> functions();

  /** One exported function. Implementations must be thread-safe: executions run concurrently. */
  @FunctionalInterface
  interface Function {
    Object apply(List<Object> args) throws Exception;
  }

  /** A module of the given functions. */
  static HostModule of(String name, Map<String, Function> functions) {
    Objects.requireNonNull(name, "name");
    Map<String, Function> copy = Map.copyOf(functions);
    return new HostModule() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Map<String, Function> functions() {
        return copy;
      }
    };
  }
}
