package dev.interlock.core.internal;

import dev.interlock.core.EngineConfig.ResultLimits;
import dev.interlock.core.json.Json;
import dev.interlock.core.trigger.ApiMethod;
import java.util.List;
import java.util.Map;

/**
 * What one execution has recorded so far, against its {@link ResultLimits}: the arguments of its
 * api calls (one call, one claim, all calls together) and its console
 * output. Shared by the actions of one flow run, which run one at a time.
 */
final class ResultBudget {
  private final ResultLimits limits;
  private long commandBytes;
  private long logBytes;

  ResultBudget(ResultLimits limits) {
    this.limits = limits;
  }

  ResultLimits limits() {
    return limits;
  }

  /**
   * Admits a call that will be recorded, or returns why it is too large (and admits nothing).
   * Claims are recognised by method name ({@code setCustomClaim}), the same on every trigger that has them.
   */
  String admitCommand(ApiMethod method, List<Object> args) {
    String what = "the arguments of api." + method.path();
    long size = size(args, limits.maxCommandBytes());
    if (size > limits.maxCommandBytes()) {
      return tooLarge(what, limits.maxCommandBytes());
    }
    String name = method.name();
    if (name.equals("setCustomClaim") && args.size() > 1
        && size(args.get(1), limits.maxClaimBytes()) > limits.maxClaimBytes()) {
      return tooLarge("the claim value passed to api." + method.path(), limits.maxClaimBytes());
    }
    if (commandBytes + size > limits.maxExecutionCommandBytes()) {
      return tooLarge("the arguments of all api calls of this execution", limits.maxExecutionCommandBytes());
    }
    commandBytes += size;
    return null;
  }

  /** The UTF-8 bytes of a console line that fit the execution's log budget (all if it fits). */
  int admitLog(int bytes) {
    long room = Math.max(0, limits.maxExecutionLogBytes() - logBytes);
    int admitted = (int) Math.min(bytes, room);
    logBytes += admitted;
    return admitted;
  }

  private static String tooLarge(String what, int limit) {
    return what + " " + (what.startsWith("the arguments") ? "are" : "is") + " larger than " + limit
        + " bytes (as JSON), the limit of what an execution may record";
  }

  /**
   * The UTF-8 length of {@code value} as JSON, counting only until it is past {@code cap} (the
   * value may repeat large shared parts; a Java action can pass anything).
   */
  static long size(Object value, long cap) {
    long[] total = {0};
    add(value, total, cap, 0);
    return total[0];
  }

  private static void add(Object value, long[] total, long cap, int depth) {
    if (total[0] > cap) {
      return;
    }
    if (depth > 1000) {
      total[0] = cap + 1;
    } else if (value instanceof CharSequence s) {
      total[0] += s.length() > cap ? s.length() : Json.utf8Length(s.toString()) + 2;
    } else if (value instanceof Map<?, ?> m) {
      total[0] += 2;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        total[0] += Json.utf8Length(String.valueOf(e.getKey())) + 4;
        add(e.getValue(), total, cap, depth + 1);
        if (total[0] > cap) {
          return;
        }
      }
    } else if (value instanceof List<?> l) {
      total[0] += 2;
      for (Object item : l) {
        total[0] += 1;
        add(item, total, cap, depth + 1);
        if (total[0] > cap) {
          return;
        }
      }
    } else {
      total[0] += value == null ? 4 : String.valueOf(value).length();
    }
  }
}
