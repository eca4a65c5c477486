package dev.interlock.adapter.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.interlock.adapter.jdbc.JdbcConfig;
import dev.interlock.adapter.jdbc.JdbcStoreModule;
import dev.interlock.adapter.jdbc.JdbcStores;
import dev.interlock.adapter.rhino.RhinoConfig;
import dev.interlock.core.EngineConfig;
import dev.interlock.core.Interlock;
import dev.interlock.core.admin.ActionAdministration;
import dev.interlock.core.trigger.TriggerCatalog;
import dev.interlock.wiring.CoreModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An engine on the durable embedded store (SQLite in a data directory), opened for one management
 * command and closed after it.
 */
final class LocalEngine implements Target {
  private final Interlock engine;
  private final JdbcStores stores;

  private LocalEngine(Interlock engine, JdbcStores stores) {
    this.engine = engine;
    this.stores = stores;
  }

  static LocalEngine open(Path dataDir, CliOutput out) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new InputException("--data-dir " + dataDir + ": cannot create the directory: " + e.getMessage());
    }
    JdbcConfig jdbc = JdbcConfig.sqlite(dataDir).withKeysFromEnvironment().withWarnings(w -> out.diagnostic("warning: " + w));
    Injector injector = Guice.createInjector(
        new CoreModule(EngineConfig.defaults()), new LazyRhinoModule(RhinoConfig.defaults()), new JdbcStoreModule(jdbc));
    JdbcStores stores = injector.getInstance(JdbcStores.class);
    return new LocalEngine(injector.getInstance(Interlock.class), stores);
  }

  @Override
  public ActionAdministration admin() {
    return engine.administration();
  }

  @Override
  public java.util.Map<String, Object> test(
      dev.interlock.core.action.ActionId id, Integer version, java.util.Map<String, Object> event) {
    return dev.interlock.core.execution.ExecutionRecordJson.toJson(admin().test(id, version, event).record());
  }

  @Override
  public java.util.Optional<java.util.Map<String, Object>> execution(String id) {
    dev.interlock.core.execution.ExecutionId executionId;
    try {
      executionId = new dev.interlock.core.execution.ExecutionId(id);
    } catch (IllegalArgumentException e) {
      throw new InputException("ID: " + e.getMessage());
    }
    return stores.executions().find(executionId)
        .map(s -> dev.interlock.core.execution.ExecutionRecordJson.toJson(s.record()));
  }

  TriggerCatalog triggers() {
    return engine.triggers();
  }

  @Override
  public void close() {
    try {
      engine.close();
    } finally {
      stores.close();
    }
  }
}
