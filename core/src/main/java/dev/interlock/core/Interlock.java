package dev.interlock.core;

import dev.interlock.core.admin.ActionAdministration;
import dev.interlock.core.admin.AdministrationLimits;
import dev.interlock.core.admin.internal.ActionAdministrationService;
import dev.interlock.core.internal.ActionLoader;
import dev.interlock.core.internal.Engine;
import dev.interlock.core.internal.RetentionPruner;
import dev.interlock.core.internal.SecureIdGenerator;
import dev.interlock.core.javaaction.JavaActionRuntime;
import dev.interlock.core.memory.InMemoryActionCache;
import dev.interlock.core.memory.InMemoryActionStore;
import dev.interlock.core.memory.InMemoryBindingStore;
import dev.interlock.core.memory.InMemoryExecutionStore;
import dev.interlock.core.port.ActionCache;
import dev.interlock.core.port.ActionStore;
import dev.interlock.core.port.BindingStore;
import dev.interlock.core.port.ChangeFeed;
import dev.interlock.core.port.ExecutionObserver;
import dev.interlock.core.port.ExecutionStore;
import dev.interlock.core.port.IdGenerator;
import dev.interlock.core.port.ScriptRuntime;
import dev.interlock.core.port.UserDirectory;
import dev.interlock.core.trigger.TriggerCatalog;
import dev.interlock.core.trigger.TriggerFamily;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * An assembled engine: the entry point for library users who wire Interlock by hand (the {@code
 * wiring} module's Guice modules build the same thing).
 *
 * <pre>{@code
 * Interlock interlock = Interlock.builder()
 *     .runtime(new JavaActionRuntime().register("add-role", (event, api) -> ...))
 *     .stores(actionStore, bindingStore, executionStore)   // in memory when omitted
 *     .build();
 * ExecutionResult result = interlock.executor().execute(TriggerId.of("post-login"), event);
 * }</pre>
 */
public final class Interlock implements AutoCloseable {
  private final TriggerCatalog catalog;
  private final Engine engine;
  private final ActionLoader loader;
  private final ActionAdministration administration;
  private final RetentionPruner pruner;
  private final AutoCloseable feedSubscription;
  private final int recovered;

  private Interlock(TriggerCatalog catalog, Engine engine, ActionLoader loader, ActionAdministration administration,
      RetentionPruner pruner, AutoCloseable feedSubscription, int recovered) {
    this.catalog = catalog;
    this.engine = engine;
    this.loader = loader;
    this.administration = administration;
    this.pruner = pruner;
    this.feedSubscription = feedSubscription;
    this.recovered = recovered;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Runs flows. */
  public TriggerExecutor executor() {
    return engine;
  }

  /** The triggers this engine knows. */
  public TriggerCatalog triggers() {
    return catalog;
  }

  /** Loads code with the configured runtimes (validation at deploy time uses it). */
  public ActionLoader loader() {
    return loader;
  }

  /** Manages actions, versions and bindings. */
  public ActionAdministration administration() {
    return administration;
  }

  /** Deletes execution records older than the retention now (it also runs in the background). */
  public int pruneExecutions() {
    return pruner.prune();
  }

  /**
   * How many accepted but unfinished async executions (untouched for twice the flow timeout) were
   * queued again when this engine started; later ones are picked up by the periodic sweep.
   */
  public int recoveredExecutions() {
    return recovered;
  }

  /**
   * Stops the pruner and the change feed, then the async worker pool, letting running flows finish
   * within the flow timeout.
   */
  @Override
  public void close() {
    pruner.close();
    if (feedSubscription != null) {
      try {
        feedSubscription.close();
      } catch (Exception e) {
        // nothing is left to release when a feed fails to stop
      }
    }
    engine.close();
  }

  /**
   * Assembles an {@link Interlock}. Everything has a default: families found on the class path,
   * the Java action runtime, in-memory stores and cache, the system clock, secure random ids.
   */
  public static final class Builder {
    private final List<TriggerFamily> families = new ArrayList<>();
    private boolean discover = true;
    private final List<ScriptRuntime> runtimes = new ArrayList<>();
    private ActionStore actions;
    private BindingStore bindings;
    private ExecutionStore executions;
    private ActionCache cache;
    private InstantSource clock = InstantSource.system();
    private IdGenerator ids = new SecureIdGenerator();
    private final List<ExecutionObserver> observers = new ArrayList<>();
    private EngineConfig config = EngineConfig.defaults();
    private UserDirectory directory = UserDirectory.NONE;
    private AdministrationLimits limits = AdministrationLimits.auth0();
    private ChangeFeed changes;
    private Duration pruneInterval = Duration.ofHours(1);
    private Consumer<RuntimeException> backgroundErrors = e -> { };

    private Builder() {}

    /** Limits of the administration (Auth0's entity limits by default). */
    public Builder limits(AdministrationLimits limits) {
      this.limits = Objects.requireNonNull(limits);
      return this;
    }

    /**
     * Changes made by other nodes; when set (or when the action store is itself a {@link
     * ChangeFeed}, as the JDBC and in-memory stores are) the engine caches resolved flows and drops
     * them on every notification. Without an explicit feed, a binding store that is a feed is
     * subscribed to as well.
     */
    public Builder changes(ChangeFeed changes) {
      this.changes = Objects.requireNonNull(changes);
      return this;
    }

    /** How often expired execution records are deleted (hourly by default). */
    public Builder pruneInterval(Duration interval) {
      this.pruneInterval = Objects.requireNonNull(interval);
      return this;
    }

    /** Receives failures of background work (pruning); they are dropped by default. */
    public Builder onBackgroundError(Consumer<RuntimeException> handler) {
      this.backgroundErrors = Objects.requireNonNull(handler);
      return this;
    }

    /**
     * Uses exactly these families instead of discovering them with {@link java.util.ServiceLoader}
     * (the default).
     */
    public Builder families(List<? extends TriggerFamily> families) {
      this.families.clear();
      this.families.addAll(families);
      this.discover = false;
      return this;
    }

    /** Adds a script runtime; the first that supports an action's runtime name runs it. */
    public Builder runtime(ScriptRuntime runtime) {
      runtimes.add(Objects.requireNonNull(runtime));
      return this;
    }

    public Builder stores(ActionStore actions, BindingStore bindings, ExecutionStore executions) {
      this.actions = Objects.requireNonNull(actions);
      this.bindings = Objects.requireNonNull(bindings);
      this.executions = Objects.requireNonNull(executions);
      return this;
    }

    public Builder cache(ActionCache cache) {
      this.cache = Objects.requireNonNull(cache);
      return this;
    }

    public Builder clock(InstantSource clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    public Builder ids(IdGenerator ids) {
      this.ids = Objects.requireNonNull(ids);
      return this;
    }

    public Builder observer(ExecutionObserver observer) {
      observers.add(Objects.requireNonNull(observer));
      return this;
    }

    /** The directory behind {@code api.groups.*} and {@code api.roles.*}; none by default. */
    public Builder userDirectory(UserDirectory directory) {
      this.directory = Objects.requireNonNull(directory);
      return this;
    }

    public Builder config(EngineConfig config) {
      this.config = Objects.requireNonNull(config);
      return this;
    }

    public Interlock build() {
      if (actions == null) {
        InMemoryActionStore memory = new InMemoryActionStore();
        stores(memory, new InMemoryBindingStore(memory), new InMemoryExecutionStore());
      }
      if (cache == null) {
        cache = new InMemoryActionCache();
      }
      List<TriggerFamily> fs =
          discover ? TriggerCatalog.discoverFamilies(Interlock.class.getClassLoader()) : families;
      TriggerCatalog catalog = TriggerCatalog.of(fs);
      List<ScriptRuntime> rs = new ArrayList<>(runtimes);
      if (rs.stream().noneMatch(r -> r.supports(JavaActionRuntime.RUNTIME))) {
        rs.add(new JavaActionRuntime());
      }
      ActionLoader loader = new ActionLoader(rs, actions);
      ExecutionObserver observer = composite(List.copyOf(observers));
      Engine engine = new Engine(catalog, loader, actions, bindings, executions, cache, clock, ids, observer, config, directory);
      ActionAdministration administration = new ActionAdministrationService(
          catalog, loader, actions, bindings, engine, clock, ids, limits, engine::invalidateFlows);
      List<ChangeFeed> feeds = new ArrayList<>();
      if (changes != null) {
        feeds.add(changes);
      } else {
        // the in-memory stores each report their own changes; a JDBC action store reports both kinds
        if (actions instanceof ChangeFeed f) {
          feeds.add(f);
        }
        if (bindings instanceof ChangeFeed f && f != actions) {
          feeds.add(f);
        }
      }
      AutoCloseable subscription = null;
      // an in-memory action store reports only action changes: bindings kept elsewhere must report theirs
      boolean covered = changes != null
          || actions instanceof ChangeFeed && (!(actions instanceof InMemoryActionStore) || bindings instanceof ChangeFeed);
      if (covered) {
        engine.enableFlowCache();
        List<AutoCloseable> subscriptions = new ArrayList<>();
        for (ChangeFeed f : feeds) {
          subscriptions.add(f.subscribe(engine::invalidateFlows));
        }
        subscription = () -> {
          for (AutoCloseable c : subscriptions) {
            c.close();
          }
        };
      }
      RetentionPruner pruner =
          new RetentionPruner(executions, clock, config.executionRetention(), pruneInterval, backgroundErrors);
      int recovered = engine.startRecovery();
      return new Interlock(catalog, engine, loader, administration, pruner, subscription, recovered);
    }

    private static ExecutionObserver composite(List<ExecutionObserver> all) {
      if (all.isEmpty()) {
        return ExecutionObserver.NONE;
      }
      if (all.size() == 1) {
        return all.get(0);
      }
      return new ExecutionObserver() {
        @Override
        public void actionFinished(dev.interlock.core.trigger.TriggerDefinition t, dev.interlock.core.execution.ActionResult r) {
          for (ExecutionObserver o : all) {
            o.actionFinished(t, r);
          }
        }

        @Override
        public void executionFinished(dev.interlock.core.trigger.TriggerDefinition t, dev.interlock.core.execution.ExecutionRecord r) {
          for (ExecutionObserver o : all) {
            o.executionFinished(t, r);
          }
        }
      };
    }
  }
}
