package dev.interlock.core.internal;

import dev.interlock.core.ActionDefinitionException;
import dev.interlock.core.port.FlowSnapshot.ActionRef;
import dev.interlock.core.port.LoadedAction;
import java.util.Map;

/**
 * One action of a flow, resolved and loaded (or the reason it could not be loaded, which fails the
 * flow with {@code action_load} when the flow reaches it).
 */
record PreparedAction(
    ActionRef ref,
    LoadedAction loaded,
    ActionDefinitionException loadError,
    Map<String, String> secrets,
    Map<String, String> configuration) {

  static PreparedAction failed(ActionRef ref, ActionDefinitionException error) {
    return new PreparedAction(ref, null, error, Map.of(), Map.of());
  }

  String name() {
    return ref.name();
  }
}
