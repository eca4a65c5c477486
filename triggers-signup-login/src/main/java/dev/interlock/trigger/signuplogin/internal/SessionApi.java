package dev.interlock.trigger.signuplogin.internal;

import dev.interlock.core.json.Undefined;
import dev.interlock.core.trigger.ApiCall;
import dev.interlock.core.trigger.ApiCallException;
import dev.interlock.core.trigger.ApiMethod;
import dev.interlock.core.trigger.Arguments;
import dev.interlock.core.trigger.FlowEffect;
import dev.interlock.core.trigger.common.Events;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code api.session.*} and {@code api.refreshToken.*} of post-login (Enterprise features). */
public final class SessionApi {
  static final List<String> COOKIE_MODES = List.of("persistent", "non-persistent");
  static final String COOKIE_MODE_KEY = "session.cookie_mode";

  private SessionApi() {}

  public static List<ApiMethod> methods() {
    StoredMetadata session = new StoredMetadata("session", "session", "session metadata", true);
    StoredMetadata refresh = new StoredMetadata("refreshToken", "refresh_token", "refresh token metadata", false);
    List<ApiMethod> out = new ArrayList<>();
    out.add(ApiMethod.command("session.revoke")
        .param("reason", "string")
        .optionalParam("options", "{ preserveRefreshTokens?: boolean }")
        .returnsVoid()
        .effect(FlowEffect.STOP)
        .describedAs("Denies the login and revokes the session (and its refresh tokens unless preserved).")
        .does((call, args) -> {
          args.string(0, "reason");
          Object p = args.optionalObject(1, "options").get("preserveRefreshTokens");
          if (p != null && p != Undefined.VALUE && !(p instanceof Boolean)) {
            throw args.wrongType("options.preserveRefreshTokens", "a boolean", p);
          }
          return null;
        }));
    out.add(expiry("session.setExpiresAt", "absolute", "Sets the session's absolute expiry; the earliest wins.", false));
    out.add(expiry("session.setIdleExpiresAt", "inactivity", "Sets the session's idle expiry; the earliest wins.", false));
    out.add(ApiMethod.command("session.setCookieMode")
        .param("mode", "'persistent' | 'non-persistent'")
        .returnsVoid()
        .describedAs("Sets the session cookie mode; the last call wins.")
        .does(SessionApi::setCookieMode));
    out.addAll(session.methods());
    out.add(ApiMethod.command("refreshToken.revoke")
        .param("reason", "string")
        .returnsVoid()
        .effect(FlowEffect.STOP)
        .describedAs("Denies a refresh-token exchange and revokes the token used.")
        .does((call, args) -> {
          args.string(0, "reason");
          if (!"oauth2-refresh-token".equals(Events.at(call.event(), "transaction", "protocol"))) {
            throw ApiCallException.error(
                args.prefix() + "only available when event.transaction.protocol is 'oauth2-refresh-token'");
          }
          return null;
        }));
    out.add(expiry("refreshToken.setExpiresAt", "absolute", "Sets the refresh token's absolute expiry; the earliest wins.", true));
    out.add(expiry("refreshToken.setIdleExpiresAt", "inactivity", "Sets the refresh token's idle expiry; the earliest wins.", true));
    out.addAll(refresh.methods());
    return out;
  }

  private static ApiMethod expiry(String path, String param, String doc, boolean refreshToken) {
    return ApiMethod.command(path)
        .param(param, "number")
        .returnsVoid()
        .describedAs(doc + " Milliseconds since the epoch.")
        .does((call, args) -> {
          Checks.epochMillis(args, 0, param);
          if (refreshToken && "online".equals(Events.at(call.event(), "refresh_token", "access"))) {
            throw ApiCallException.error(args.prefix() + "cannot change the expiry of an online refresh token");
          }
          return null;
        });
  }

  private static Object setCookieMode(ApiCall call, Arguments args) {
    String mode = Checks.oneOf(args, 0, "mode", COOKIE_MODES);
    call.flowState().put(COOKIE_MODE_KEY, mode);
    if (call.event().get("session") instanceof Map) {
      call.updateEvent(List.of("session", "cookie", "mode"), mode);
    }
    return null;
  }

  /** The event with the cookie mode and stored metadata of earlier actions reapplied. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> apply(Map<String, Object> event, Map<String, Object> flowState) {
    Map<String, Object> out = event;
    Object mode = flowState.get(COOKIE_MODE_KEY);
    if (mode != null && event.get("session") instanceof Map<?, ?> s) {
      Map<String, Object> session = new java.util.LinkedHashMap<>((Map<String, Object>) s);
      Map<String, Object> cookie = new java.util.LinkedHashMap<>();
      cookie.put("mode", mode);
      session.put("cookie", cookie);
      out = new java.util.LinkedHashMap<>(out);
      out.put("session", session);
    }
    out = StoredMetadata.apply(out, flowState, "session");
    return StoredMetadata.apply(out, flowState, "refresh_token");
  }
}
