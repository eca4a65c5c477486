package dev.interlock.adapter.jdbc;

import com.google.inject.AbstractModule;
import com.google.inject.Inject;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import dev.interlock.core.port.ActionStore;
import dev.interlock.core.port.BindingStore;
import dev.interlock.core.port.ExecutionStore;

/**
 * Guice module choosing the JDBC stores (SQLite or PostgreSQL) over the in-memory defaults of the
 * wiring's {@code CoreModule}. The database is opened (and migrated) when the stores are first
 * injected, not when the module is configured.
 */
public final class JdbcStoreModule extends AbstractModule {
  private final JdbcConfig config;

  public JdbcStoreModule(JdbcConfig config) {
    this.config = config;
  }

  @Override
  protected void configure() {
    OptionalBinder.newOptionalBinder(binder(), ActionStore.class).setBinding().toProvider(Actions.class);
    OptionalBinder.newOptionalBinder(binder(), BindingStore.class).setBinding().toProvider(Bindings.class);
    OptionalBinder.newOptionalBinder(binder(), ExecutionStore.class).setBinding().toProvider(Executions.class);
  }

  @Provides
  @Singleton
  JdbcStores stores() {
    return JdbcStores.open(config);
  }

  static final class Actions implements Provider<ActionStore> {
    private final JdbcStores stores;

    @Inject
    Actions(JdbcStores stores) {
      this.stores = stores;
    }

    @Override
    public ActionStore get() {
      return stores.actions();
    }
  }

  static final class Bindings implements Provider<BindingStore> {
    private final JdbcStores stores;

    @Inject
    Bindings(JdbcStores stores) {
      this.stores = stores;
    }

    @Override
    public BindingStore get() {
      return stores.bindings();
    }
  }

  static final class Executions implements Provider<ExecutionStore> {
    private final JdbcStores stores;

    @Inject
    Executions(JdbcStores stores) {
      this.stores = stores;
    }

    @Override
    public ExecutionStore get() {
      return stores.executions();
    }
  }
}
