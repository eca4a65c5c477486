package dev.interlock.adapter.http.internal;

import io.javalin.http.Handler;
import java.util.Objects;
import java.util.Set;

/**
 * One endpoint: method, path template ({@code {name}} for parameters), who may call it and the
 * handler. The route table is the single source for the router, the authentication check and
 * the test that compares it with the OpenAPI document.
 *
 * @param access {@link Access#PUBLIC}, {@link Access#AUTHENTICATED} (any valid token) or {@link
 *     Access#SCOPED} (a token with one of {@code scopes})
 */
public record Route(String method, String path, Access access, Set<String> scopes, Handler handler) {
  public Route {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    scopes = Set.copyOf(scopes);
  }

  public static Route scoped(String method, String path, String scope, Handler handler) {
    return new Route(method, path, Access.SCOPED, Set.of(scope), handler);
  }

  public static Route scopedAny(String method, String path, Set<String> scopes, Handler handler) {
    return new Route(method, path, Access.SCOPED, scopes, handler);
  }

  /** Who may call a route. */
  public enum Access {
    PUBLIC,
    AUTHENTICATED,
    SCOPED
  }
}
