package dev.interlock.trigger.signuplogin.internal;

import dev.interlock.core.trigger.ApiCall;
import dev.interlock.core.trigger.ApiCallException;
import dev.interlock.core.trigger.ApiMethod;
import dev.interlock.core.trigger.Arguments;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code api.accessToken.*} and {@code api.idToken.*} of post-login. */
public final class TokenApi {
  public static final int MAX_SCOPE_LENGTH = 280;
  public static final int MAX_SCOPES = 1000;
  /** Flow-state key: scope modifications, scope name to {@code add} or {@code remove}. */
  static final String SCOPES_KEY = "access_token_scopes";

  /**
   * Claims a token builder owns (JWT registered claims and Auth0's own). Auth0 does not let actions
   * set them; apart from {@code scope}, which throws, the exact list and behaviour are unconfirmed,
   * so Interlock accepts the call and leaves them out of the outcome (listed as ignored).
   */
  static final Set<String> RESTRICTED_CLAIMS =
      Set.of("iss", "sub", "aud", "exp", "nbf", "iat", "jti", "azp", "gty", "permissions", "org_id", "org_name",
          "auth_time", "nonce", "acr", "amr", "at_hash", "c_hash", "cnf", "sid");

  private TokenApi() {}

  public static List<ApiMethod> methods() {
    return List.of(
        claim("accessToken.setCustomClaim", "Adds a claim to the access token issued after the flow."),
        scope("accessToken.addScope", "add", "Adds a scope to the access token."),
        scope("accessToken.removeScope", "remove", "Removes a scope from the access token."),
        claim("idToken.setCustomClaim", "Adds a claim to the ID token issued after the flow."));
  }

  private static ApiMethod claim(String path, String doc) {
    return ApiMethod.command(path)
        .param("key", "string")
        .param("value", "unknown")
        .returnsApi()
        .describedAs(doc + " The claim \"scope\" is reserved; a later call with the same key wins.")
        .does(TokenApi::setClaim);
  }

  private static Object setClaim(ApiCall call, Arguments args) {
    String key = args.nonBlankString(0, "key");
    if (key.equals("scope")) {
      throw ApiCallException.error("The \"scope\" claim cannot be set.");
    }
    // undefined is accepted (JSON.stringify would drop it); it is recorded, and applied, as null
    return null;
  }

  private static ApiMethod scope(String path, String op, String doc) {
    return ApiMethod.command(path)
        .param("scope", "string")
        .returnsVoid()
        .describedAs(doc + " Trimmed; non-empty, at most 280 characters, no white space; last call wins.")
        .does((call, args) -> {
          String scope = validScope(args);
          Map<String, Object> changes = Checks.stateObject(call.flowState(), SCOPES_KEY);
          if (!changes.containsKey(scope) && changes.size() >= MAX_SCOPES) {
            throw ApiCallException.rangeError(
                args.prefix() + "at most " + MAX_SCOPES + " scopes can be added or removed");
          }
          changes.remove(scope);
          changes.put(scope, op);
          return null;
        });
  }

  /** The trimmed scope, checked against Auth0's rules. */
  static String validScope(Arguments args) {
    String scope = args.string(0, "scope").trim();
    if (scope.isEmpty()) {
      throw ApiCallException.typeError(args.prefix() + "scope must not be empty");
    }
    if (scope.length() > MAX_SCOPE_LENGTH) {
      throw ApiCallException.rangeError(
          args.prefix() + "scope must be at most " + MAX_SCOPE_LENGTH + " characters, got " + scope.length());
    }
    if (scope.chars().anyMatch(Character::isWhitespace)) {
      throw ApiCallException.typeError(args.prefix() + "scope must not contain white space: '" + scope + "'");
    }
    return scope;
  }
}
