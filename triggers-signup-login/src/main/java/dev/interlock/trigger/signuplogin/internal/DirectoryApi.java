package dev.interlock.trigger.signuplogin.internal;

import dev.interlock.core.trigger.ApiCallException;
import dev.interlock.core.trigger.ApiMethod;
import dev.interlock.core.trigger.Arguments;
import java.util.List;
import java.util.Map;

/**
 * {@code api.rules.wasExecuted}, {@code api.groups.*} and {@code api.roles.*}. Interlock runs no
 * Rules, so {@code wasExecuted} is always false. Groups and roles need the tenant's directory,
 * for which core has no port yet: the methods validate their arguments as the reference says and
 * then throw an {@code Error} saying the directory is not available (partial, see README).
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
        unavailable("groups.getUserGroups", "{ take?: number; from?: string }", "Promise<{ groups; next? }>",
            args -> page(args, Integer.MAX_VALUE)),
        unavailable("groups.hasGroupMembership", "string[]", "Promise<{ memberships }>",
            args -> names(args, "groups", Integer.MAX_VALUE)),
        unavailable("roles.getUserEffectiveRoles", "{ take?: number; from?: string }", "Promise<{ roles; next? }>",
            args -> page(args, MAX_ROLES_TAKE)),
        unavailable("roles.getUserEffectiveRolesByIds", "string[]", "Promise<{ roles }>",
            args -> names(args, "ids", MAX_ROLE_IDS)),
        unavailable("roles.getUserEffectiveRolesByNames", "string[]", "Promise<{ roles }>",
            args -> names(args, "names", MAX_ROLE_NAMES)));
  }

  private static ApiMethod unavailable(String path, String param, String returns, java.util.function.Consumer<Arguments> check) {
    return ApiMethod.query(path)
        .optionalParam(param.startsWith("{") ? "options" : "values", param)
        .returnsValue(returns)
        .describedAs("Reads the user's groups/roles from the tenant directory (not available in Interlock yet).")
        .does((call, args) -> {
          check.accept(args);
          throw ApiCallException.error(
              "api." + path + " is not available: this Interlock engine has no user directory configured");
        });
  }

  private static void page(Arguments args, int maxTake) {
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
  }

  private static void names(Arguments args, String name, int max) {
    List<Object> values = args.array(0, name);
    if (values.isEmpty() || values.size() > max) {
      throw ApiCallException.rangeError(args.prefix() + name + " must have 1 to " + max + " entries, got " + values.size());
    }
    for (int i = 0; i < values.size(); i++) {
      if (!(values.get(i) instanceof String)) {
        throw args.wrongType(name + "[" + i + "]", "a string", values.get(i));
      }
    }
  }
}
