package dev.interlock.core.trigger;

import dev.interlock.core.execution.ActionResult;
import java.util.Map;

/** One finished action, as a family's {@link TriggerBehavior} sees it between actions. */
public record ActionStep(ActionResult result, Map<String, Object> flowState) {}
