package dev.interlock.adapter.cli;

import dev.interlock.core.action.ActionId;
import dev.interlock.core.admin.ActionAdministration;
import java.util.Map;
import java.util.Optional;

/** Where management commands act: the local data directory or a remote Interlock server. */
interface Target extends AutoCloseable {
  ActionAdministration admin();

  /** Runs an action unbound and returns the execution record as JSON. */
  Map<String, Object> test(ActionId id, Integer version, Map<String, Object> event);

  /** An execution record as JSON. */
  Optional<Map<String, Object>> execution(String id);

  @Override
  void close();
}
