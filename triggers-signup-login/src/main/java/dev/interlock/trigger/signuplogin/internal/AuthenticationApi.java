package dev.interlock.trigger.signuplogin.internal;

import dev.interlock.core.json.Undefined;
import dev.interlock.core.trigger.ApiCall;
import dev.interlock.core.trigger.ApiCallException;
import dev.interlock.core.trigger.ApiMethod;
import dev.interlock.core.trigger.Arguments;
import dev.interlock.core.trigger.common.Events;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code api.authentication.*} and {@code api.multifactor.enable} of post-login. */
public final class AuthenticationApi {
  public static final int MAX_PRIMARY_USER_ID_LENGTH = 128;
  static final String PRIMARY_USER_KEY = "primary_user";
  static final String RECORDED_METHODS_KEY = "recorded_methods";
  static final List<String> MFA_PROVIDERS = List.of("any", "duo", "google-authenticator", "guardian", "none");

  private AuthenticationApi() {}

  public static List<ApiMethod> methods() {
    return List.of(
        InteractionApi.mfa().get(0),
        InteractionApi.mfa().get(1),
        InteractionApi.mfa().get(2),
        InteractionApi.mfa().get(3),
        ApiMethod.command("authentication.recordMethod")
            .param("provider_url", "string")
            .returnsApi()
            .describedAs("Records a custom authentication method (only in onContinuePostLogin).")
            .does(AuthenticationApi::recordMethod),
        ApiMethod.command("authentication.setPrimaryUser")
            .param("primary_user_id", "string")
            .returnsVoid()
            .describedAs("Switches the token subject to a linked primary user; once per transaction.")
            .does(AuthenticationApi::setPrimaryUser),
        ApiMethod.command("multifactor.enable")
            .param("provider", "'any' | 'duo' | 'google-authenticator' | 'guardian' | 'none'")
            .optionalParam("options", "{ allowRememberBrowser?: boolean; providerOptions?: DuoOptions }")
            .returnsApi()
            .describedAs("Requires MFA with the provider at the end of the flow ('none' suppresses it).")
            .does(AuthenticationApi::enableMfa));
  }

  private static Object recordMethod(ApiCall call, Arguments args) {
    String url = args.nonBlankString(0, "provider_url");
    if (call.resumeRequest().isEmpty()) {
      throw ApiCallException.error(args.prefix() + "can only be called in onContinuePostLogin");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (java.net.URISyntaxException e) {
      throw ApiCallException.typeError(args.prefix() + "provider_url is not a valid URL: " + e.getReason());
    }
    if (uri.getScheme() == null || !List.of("http", "https").contains(uri.getScheme().toLowerCase())
        || uri.getHost() == null) {
      throw ApiCallException.typeError(args.prefix() + "provider_url must be an http(s) URL, got '" + url + "'");
    }
    Map<String, Object> method = new LinkedHashMap<>();
    method.put("name", url);
    method.put("timestamp", call.now().toString());
    recordedMethods(call.flowState()).add(method);
    return null;
  }

  @SuppressWarnings("unchecked")
  static List<Object> recordedMethods(Map<String, Object> flowState) {
    Object v = flowState.get(RECORDED_METHODS_KEY);
    if (!(v instanceof List)) {
      v = new ArrayList<>();
      flowState.put(RECORDED_METHODS_KEY, v);
    }
    return (List<Object>) v;
  }

  /** The event with the recorded methods appended to {@code authentication.methods} once. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> applyRecordedMethods(Map<String, Object> event, Map<String, Object> flowState) {
    if (!(flowState.get(RECORDED_METHODS_KEY) instanceof List<?> recorded) || recorded.isEmpty()) {
      return event;
    }
    Map<String, Object> authentication =
        event.get("authentication") instanceof Map
            ? new LinkedHashMap<>((Map<String, Object>) event.get("authentication"))
            : new LinkedHashMap<>();
    List<Object> methods =
        authentication.get("methods") instanceof List
            ? new ArrayList<>((List<Object>) authentication.get("methods"))
            : new ArrayList<>();
    for (Object m : recorded) {
      if (!methods.contains(m)) {
        methods.add(dev.interlock.core.json.Json.deepCopy(m));
      }
    }
    authentication.put("methods", methods);
    Map<String, Object> out = new LinkedHashMap<>(event);
    out.put("authentication", authentication);
    return out;
  }

  private static Object setPrimaryUser(ApiCall call, Arguments args) {
    String id = Checks.string(args, 0, "primary_user_id", MAX_PRIMARY_USER_ID_LENGTH, true);
    if (call.flowState().containsKey(PRIMARY_USER_KEY)) {
      throw ApiCallException.error(args.prefix() + "the primary user can only be set once per transaction");
    }
    call.flowState().put(PRIMARY_USER_KEY, id);
    UserMetadata.discardCurrentAction(call.flowState());
    return null;
  }

  private static Object enableMfa(ApiCall call, Arguments args) {
    String provider = Checks.oneOf(args, 0, "provider", MFA_PROVIDERS);
    Map<String, Object> options = args.optionalObject(1, "options");
    Object remember = options.get("allowRememberBrowser");
    if (remember != null && remember != Undefined.VALUE && !(remember instanceof Boolean)) {
      throw args.wrongType("options.allowRememberBrowser", "a boolean", remember);
    }
    Object po = options.get("providerOptions");
    if (po != null && po != Undefined.VALUE) {
      if (!provider.equals("duo")) {
        throw ApiCallException.typeError(args.prefix() + "options.providerOptions is only allowed for provider 'duo'");
      }
      if (!(po instanceof Map<?, ?> m)) {
        throw args.wrongType("options.providerOptions", "an object", po);
      }
      for (String k : List.of("host", "ikey", "skey")) {
        if (!(m.get(k) instanceof String s) || s.isEmpty()) {
          throw args.wrongType("options.providerOptions." + k, "a non-empty string", m.get(k) == null ? Undefined.VALUE : m.get(k));
        }
      }
      Object username = m.get("username");
      if (username != null && username != Undefined.VALUE && !(username instanceof String)) {
        throw args.wrongType("options.providerOptions.username", "a string", username);
      }
    }
    return null;
  }

  /** The primary user id set by {@code setPrimaryUser}, or {@code null}. */
  static Object primaryUser(Map<String, Object> flowState) {
    return flowState.get(PRIMARY_USER_KEY);
  }

  /** Whether the event's flow is non-interactive (no redirect, form or MFA UI possible). */
  static boolean canRedirect(Map<String, Object> event) {
    Object protocol = Events.at(event, "transaction", "protocol");
    if (protocol instanceof String p
        && List.of("oauth2-resource-owner", "oauth2-refresh-token", "oauth2-password", "oauth2-webauthn").contains(p)) {
      return false;
    }
    Object prompt = Events.at(event, "request", "query", "prompt");
    if (prompt instanceof String s && List.of(s.split(" ")).contains("none")) {
      return false;
    }
    Object txPrompt = Events.at(event, "transaction", "prompt");
    return !(txPrompt instanceof List<?> l && l.contains("none"));
  }
}
