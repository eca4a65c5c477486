package dev.interlock.adapter.http.internal;

import dev.interlock.adapter.http.HttpConfig.TokenDefinition;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.TreeSet;

/** Checks the bearer token of a request against the route's access rule; 401 and 403 differ. */
public final class Authenticator {
  /** Request attribute holding the name of the token that authenticated the request. */
  public static final String TOKEN_NAME = "interlock.token";

  private final Tokens tokens;

  public Authenticator(Tokens tokens) {
    this.tokens = tokens;
  }

  public void check(Context ctx, Route route) {
    if (route.access() == Route.Access.PUBLIC) {
      return;
    }
    String header = ctx.header("Authorization");
    if (header == null || header.isBlank()) {
      challenge(ctx, "missing_token", "Missing authentication: send 'Authorization: Bearer <token>'");
    }
    if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
      challenge(ctx, "invalid_authorization_header", "Bad HTTP authentication header format: expected 'Bearer <token>'");
    }
    Optional<TokenDefinition> token = tokens.find(header.substring(7).trim());
    if (token.isEmpty()) {
      challenge(ctx, "invalid_token", "Invalid token: it is not one this server issued or knows");
    }
    ctx.attribute(TOKEN_NAME, token.get().name());
    if (route.access() == Route.Access.SCOPED
        && route.scopes().stream().noneMatch(s -> token.get().scopes().contains(s))) {
      throw new ApiError(403, "insufficient_scope",
          "Insufficient scope, expected any of: " + String.join(",", new TreeSet<>(route.scopes())));
    }
  }

  private static void challenge(Context ctx, String code, String message) {
    ctx.header("WWW-Authenticate", "Bearer realm=\"interlock\", error=\"invalid_token\"");
    throw new ApiError(401, code, message);
  }
}
