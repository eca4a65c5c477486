package dev.interlock.adapter.cli;

import dev.interlock.core.trigger.TriggerCatalog;
import dev.interlock.core.trigger.TriggerId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Test files' events: the trigger's example event from its family ({@link
 * dev.interlock.core.trigger.TriggerDefinition#completeEvent}), the same filling {@code POST
 * /actions/{id}/test} and {@code interlock run} use.
 */
final class ExampleEvents {
  private static final TriggerCatalog CATALOG =
      TriggerCatalog.of(TriggerCatalog.discoverFamilies(ExampleEvents.class.getClassLoader()));

  private ExampleEvents() {}

  static Map<String, Object> forTrigger(String trigger) {
    try {
      return CATALOG.find(TriggerId.of(trigger)).map(t -> t.exampleEvent()).orElseGet(LinkedHashMap::new);
    } catch (IllegalArgumentException e) {
      return new LinkedHashMap<>();
    }
  }

  /** {@code over} merged into {@code base}, as {@link dev.interlock.core.trigger.TriggerDefinition#completeEvent} merges. */
  static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> over) {
    return dev.interlock.core.trigger.TriggerDefinition.mergeEvents(base, over);
  }
}
