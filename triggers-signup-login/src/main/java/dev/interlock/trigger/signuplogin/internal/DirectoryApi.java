package dev.interlock.trigger.signuplogin.internal;

import dev.interlock.core.trigger.ApiCall;
import dev.interlock.core.trigger.ApiCallException;
import dev.interlock.core.trigger.ApiFunction;
import dev.interlock.core.trigger.common.Events;
import dev.interlock.core.trigger.ApiMethod;
import dev.interlock.core.trigger.Arguments;
import java.util.List;
import java.util.Map;

/**
 * {@code api.rules.wasExecuted}, {@code api.groups.*} and {@code api.roles.*}. Interlock runs no
 * Rules, so {@code wasExecuted} is always false. Groups and roles are read from the engine's
 * {@link dev.interlock.core.port.UserDirectory} (the identity provider plugs its own in); the
 * methods return promises, as on Auth0, rejected when the arguments are invalid or no directory is
 * configured.
 */
public final class DirectoryApi {
  public static final int MAX_ROLES_TAKE = 100;
  public static final int MAX_ROLE_IDS = 100;
  public static final int MAX_ROLE_NAMES = 50;

  private DirectoryApi() {}

  public static List<ApiMethod> methods() {
    return List.of(
        ApiMethod.query("rules.wasExecuted")
            .param("ruleId", "string")
            .returnsValue("boolean")
            .describedAs("Whether a legacy Rule ran earlier in this transaction (never, in Interlock).")
            .does((call, args) -> {
              args.nonBlankString(0, "ruleId");
              return false;
            }),
        directory("groups.getUserGroups", "{ take?: number; from?: string }", "{ groups: unknown[]; next?: string }",
            (call, args) -> {
              Map<String, Object> o = page(args, Integer.MAX_VALUE);
              return call.directory().groupsAsync(userId(call), take(o), from(o));
            }),
        directory("groups.hasGroupMembership", "string[]", "{ memberships: unknown[] }",
            (call, args) -> call.directory().groupMembershipsAsync(userId(call), names(args, "groups", Integer.MAX_VALUE))),
        directory("roles.getUserEffectiveRoles", "{ take?: number; from?: string }", "{ roles: unknown[]; next?: string }",
            (call, args) -> {
              Map<String, Object> o = page(args, MAX_ROLES_TAKE);
              return call.directory().effectiveRolesAsync(userId(call), organizationId(call), take(o), from(o));
            }),
        directory("roles.getUserEffectiveRolesByIds", "string[]", "{ roles: unknown[] }",
            (call, args) -> call.directory()
                .effectiveRolesByIdsAsync(userId(call), organizationId(call), names(args, "ids", MAX_ROLE_IDS))),
        directory("roles.getUserEffectiveRolesByNames", "string[]", "{ roles: unknown[] }",
            (call, args) -> call.directory()
                .effectiveRolesByNamesAsync(userId(call), organizationId(call), names(args, "names", MAX_ROLE_NAMES))));
  }

  private static ApiMethod directory(String path, String param, String returns, ApiFunction body) {
    return ApiMethod.query(path)
        .optionalParam(param.startsWith("{") ? "options" : "values", param)
        .returnsPromise(returns)
        .describedAs("Reads the user's groups or roles from the engine's UserDirectory.")
        .does((call, args) -> {
          Object answer;
          try {
            answer = body.apply(call, args);
          } catch (ApiCallException e) {
            throw e;
          } catch (RuntimeException e) {
            throw failed(path, e);
          }
          // The directory may answer later: the script's promise settles then, without a thread waiting.
          return ((java.util.concurrent.CompletionStage<?>) answer).handle((value, error) -> {
            if (error != null) {
              Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                  ? error.getCause() : error;
              throw cause instanceof ApiCallException a ? a : failed(path, cause);
            }
            return value;
          });
        });
  }

  private static ApiCallException failed(String path, Throwable e) {
    return ApiCallException.error("api." + path + " failed: " + e.getMessage());
  }

  private static String userId(ApiCall call) {
    Object id = Events.at(call.event(), "user", "user_id");
    return id instanceof String s ? s : null;
  }

  private static String organizationId(ApiCall call) {
    Object id = Events.at(call.event(), "organization", "id");
    return id instanceof String s ? s : null;
  }

  private static Integer take(Map<String, Object> options) {
    return options.get("take") instanceof Number n ? n.intValue() : null;
  }

  private static String from(Map<String, Object> options) {
    return options.get("from") instanceof String s ? s : null;
  }

  private static Map<String, Object> page(Arguments args, int maxTake) {
    Map<String, Object> o = args.optionalObject(0, "options");
    Object take = o.get("take");
    if (take instanceof Number n) {
      double d = n.doubleValue();
      if (d < 1 || d != Math.rint(d) || d > maxTake) {
        throw ApiCallException.rangeError(args.prefix() + "options.take must be a positive integer"
            + (maxTake == Integer.MAX_VALUE ? "" : " of at most " + maxTake) + ", got " + n);
      }
    } else if (take != null && take != dev.interlock.core.json.Undefined.VALUE) {
      throw args.wrongType("options.take", "a number", take);
    }
    Object from = o.get("from");
    if (from != null && from != dev.interlock.core.json.Undefined.VALUE && !(from instanceof String)) {
      throw args.wrongType("options.from", "a string", from);
    }
    return o;
  }

  private static List<String> names(Arguments args, String name, int max) {
    List<Object> values = args.array(0, name);
    if (values.isEmpty() || values.size() > max) {
      throw ApiCallException.rangeError(args.prefix() + name + " must have 1 to " + max + " entries, got " + values.size());
    }
    for (int i = 0; i < values.size(); i++) {
      if (!(values.get(i) instanceof String)) {
        throw args.wrongType(name + "[" + i + "]", "a string", values.get(i));
      }
    }
    return values.stream().map(String.class::cast).toList();
  }
}
