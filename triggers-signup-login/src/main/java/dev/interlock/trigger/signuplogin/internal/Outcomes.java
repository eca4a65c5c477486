package dev.interlock.trigger.signuplogin.internal;

import dev.interlock.core.execution.ActionResult;
import dev.interlock.core.execution.ActionStatus;
import dev.interlock.core.execution.Command;
import dev.interlock.core.execution.ExecutionStatus;
import dev.interlock.core.trigger.FlowSummary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Pieces of outcomes the triggers share: the access decision and the user metadata changes. */
final class Outcomes {
  static final List<String> STOPPING =
      List.of("access.deny", "validation.error", "session.revoke", "refreshToken.revoke");

  private Outcomes() {}

  /**
   * {@code {denied, reason?, user_message?, validation_error?}}. A failed flow is denied with the
   * error's message as reason, as Auth0 sends a thrown error's message in {@code error_description}.
   */
  static Map<String, Object> access(FlowSummary flow) {
    Map<String, Object> access = new LinkedHashMap<>();
    access.put("denied", false);
    if (flow.status() == ExecutionStatus.FAILED) {
      access.put("denied", true);
      access.put("failed", true);
      for (ActionResult r : flow.results()) {
        if (r.status() == ActionStatus.FAILED && r.error() != null) {
          access.put("reason", r.error().message());
        }
      }
      return access;
    }
    Command stop = null;
    for (Command c : flow.effectiveCommands()) {
      if (STOPPING.contains(c.name())) {
        stop = c;
      }
    }
    if (stop == null || flow.status() != ExecutionStatus.DENIED) {
      return access;
    }
    access.put("denied", true);
    access.put("by", stop.name());
    if (stop.name().equals("validation.error")) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("code", stop.arg(0));
      v.put("message", stop.arg(1));
      access.put("validation_error", v);
    } else {
      access.put("reason", stop.arg(0));
      if (stop.arg(1) instanceof String message) {
        access.put("user_message", message);
      }
    }
    return access;
  }

  /** {@code {app_metadata, user_metadata}} changes, {@code null} meaning delete. */
  static Map<String, Object> user(FlowSummary flow) {
    return UserMetadata.pending(flow.flowState(), flow.status() != ExecutionStatus.FAILED);
  }

  /** The last command of each name among the effective commands, in the order first seen. */
  static Map<String, Command> lastByName(FlowSummary flow, String prefix) {
    Map<String, Command> out = new LinkedHashMap<>();
    for (Command c : flow.effectiveCommands()) {
      if (c.name().startsWith(prefix)) {
        out.put(c.name(), c);
      }
    }
    return out;
  }

  /** The earliest of the numeric first arguments of the named commands, or {@code null}. */
  static Object earliest(FlowSummary flow, String name) {
    Long min = null;
    for (Command c : flow.effectiveCommands()) {
      if (c.name().equals(name) && c.arg(0) instanceof Number n) {
        long v = (long) Math.floor(n.doubleValue());
        min = min == null ? v : Math.min(min, v);
      }
    }
    return min;
  }

  /** The action that suspended the flow, if it is suspended. */
  static ActionResult suspended(FlowSummary flow) {
    if (flow.status() != ExecutionStatus.SUSPENDED) {
      return null;
    }
    ActionResult last = null;
    for (ActionResult r : flow.results()) {
      if (r.status() == ActionStatus.SUSPENDED) {
        last = r;
      }
    }
    return last;
  }
}
