package dev.interlock.trigger.tokenexchange;

import dev.interlock.core.json.Undefined;
import dev.interlock.core.trigger.ApiCallException;
import dev.interlock.core.trigger.ApiMethod;
import dev.interlock.core.trigger.Arguments;
import dev.interlock.core.trigger.FlowEffect;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The custom-token-exchange api (token-exchange.md §3). Every method returns {@code undefined} and
 * throws a TypeError naming the argument when its input is invalid, as the official wrapper does.
 */
final class CustomTokenExchangeApi {
  static final String SET_USER_BY_ID = "authentication.setUserById";
  static final String SET_USER_BY_CONNECTION = "authentication.setUserByConnection";
  static final List<String> CREATION_BEHAVIORS = List.of("create_if_not_exists", "none");
  static final List<String> UPDATE_BEHAVIORS = List.of("replace", "none");
  static final List<String> STRING_ATTRIBUTES =
      List.of("email", "phone_number", "given_name", "family_name", "name", "nickname", "username", "picture");
  static final List<String> BOOLEAN_ATTRIBUTES = List.of("email_verified", "phone_verified", "verify_email");
  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");

  private CustomTokenExchangeApi() {}

  static List<ApiMethod> methods() {
    return List.of(
        ApiMethod.command("access.deny")
            .param("code", "string")
            .param("reason", "string")
            .returnsVoid()
            .effect(FlowEffect.STOP)
            .describedAs("Rejects the exchange with this OAuth error code (invalid_request, server_error or custom).")
            .does((call, args) -> {
              args.nonBlankString(0, "code");
              args.string(1, "reason");
              return null;
            }),
        ApiMethod.command("access.rejectInvalidSubjectToken")
            .param("reason", "string")
            .returnsVoid()
            .effect(FlowEffect.STOP)
            .describedAs("Rejects with invalid_request and counts the attempt for Suspicious IP Throttling.")
            .does((call, args) -> {
              args.string(0, "reason");
              return null;
            }),
        ApiMethod.command(SET_USER_BY_ID)
            .param("user_id", "string")
            .returnsVoid()
            .describedAs("Issues the tokens for this existing user.")
            .does((call, args) -> {
              args.nonBlankString(0, "user_id");
              return null;
            }),
        ApiMethod.command(SET_USER_BY_CONNECTION)
            .param("connection_name", "string")
            .param("user_attributes", "SetUserByConnectionAttributes")
            .param("options", "{ creationBehavior: 'create_if_not_exists' | 'none'; updateBehavior: 'replace' | 'none' }")
            .returnsVoid()
            .describedAs("Finds the user by connection and user_id, creating or updating it as the options say.")
            .does((call, args) -> {
              args.nonBlankString(0, "connection_name");
              attributes(args, args.object(1, "user_attributes"));
              Map<String, Object> options = args.object(2, "options");
              oneOf(args, options, "creationBehavior", CREATION_BEHAVIORS);
              oneOf(args, options, "updateBehavior", UPDATE_BEHAVIORS);
              return null;
            }),
        ApiMethod.command("authentication.setOrganization")
            .param("organization", "string")
            .returnsVoid()
            .describedAs("Associates the issued tokens with this organization (id or name).")
            .does((call, args) -> {
              args.nonBlankString(0, "organization");
              return null;
            }),
        ApiMethod.command("authentication.setActor")
            .param("actor", "{ sub: string; act?: Actor; [custom: string]: string | number | boolean }")
            .returnsVoid()
            .describedAs("Adds an act (delegation) claim; no refresh token is issued and MFA is not possible.")
            .does((call, args) -> {
              Actor.validate(args, args.object(0, "actor"));
              return null;
            }),
        metadata("user.setAppMetadata", "Sets app metadata on the selected user; null removes the key."),
        metadata("user.setUserMetadata", "Sets user metadata on the selected user; null removes the key."));
  }

  private static ApiMethod metadata(String path, String description) {
    return ApiMethod.command(path)
        .param("key", "string")
        .param("value", "unknown")
        .returnsVoid()
        .describedAs(description)
        .does((call, args) -> {
          args.nonBlankString(0, "key");
          if (args.get(1) == Undefined.VALUE) {
            throw ApiCallException.typeError(args.prefix() + "value must be a JSON value or null, got undefined");
          }
          return null;
        });
  }

  private static void attributes(Arguments args, Map<String, Object> attributes) {
    Object id = attributes.get("user_id");
    if (!(id instanceof String s) || s.isBlank()) {
      throw ApiCallException.typeError(args.prefix() + "user_attributes.user_id must be a non-empty string");
    }
    for (Map.Entry<String, Object> e : attributes.entrySet()) {
      String key = e.getKey();
      Object v = e.getValue();
      String path = "user_attributes." + key;
      if (key.equals("user_id")) {
        continue;
      } else if (STRING_ATTRIBUTES.contains(key)) {
        if (!(v instanceof String)) {
          throw args.wrongType(path, "a string", v);
        }
      } else if (BOOLEAN_ATTRIBUTES.contains(key)) {
        if (!(v instanceof Boolean)) {
          throw args.wrongType(path, "a boolean", v);
        }
      } else {
        throw ApiCallException.typeError(args.prefix() + path + " is not a known attribute");
      }
    }
    if (attributes.get("phone_number") instanceof String phone && !E164.matcher(phone).matches()) {
      throw ApiCallException.typeError(args.prefix() + "user_attributes.phone_number must be in E.164 format, got '" + phone + "'");
    }
  }

  private static void oneOf(Arguments args, Map<String, Object> options, String name, List<String> allowed) {
    Object v = options.get(name);
    if (!(v instanceof String) || !allowed.contains(v)) {
      throw ApiCallException.typeError(
          args.prefix() + "options." + name + " must be one of " + allowed + ", got " + (v instanceof String ? "'" + v + "'" : String.valueOf(v)));
    }
  }
}
