package dev.interlock.core.trigger.common;

import dev.interlock.core.json.Undefined;
import dev.interlock.core.trigger.ApiCall;
import dev.interlock.core.trigger.ApiCallException;
import dev.interlock.core.trigger.ApiMethod;
import dev.interlock.core.trigger.Arguments;
import dev.interlock.core.trigger.FlowEffect;
import dev.interlock.core.trigger.ResumeRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The redirect protocol of {@code common.md} section 5 as reusable api methods: {@code
 * redirect.encodeToken}, {@code redirect.sendUserTo} and {@code redirect.validateToken}, shared by
 * post-login and password-reset-post-challenge. The token checks read the {@code /continue}
 * request ({@link ApiCall#resumeRequest()}), whose body overrides its query.
 */
public final class RedirectProtocol {
  /** Lifetime of an encoded token when the script gives none, in seconds. */
  public static final long DEFAULT_EXPIRY_SECONDS = 900;

  private RedirectProtocol() {}

  /** The three methods under {@code redirect.}. */
  public static List<ApiMethod> methods() {
    return List.of(encodeToken(), sendUserTo(), validateToken());
  }

  /**
   * {@code redirect.sendUserTo(url, {query?})}: sets each query entry on the URL (replacing a
   * same-named parameter), appends {@code state}, and suspends after the action; the flow resumes in
   * the same action's resume handler. Refused when the action already rendered a form.
   */
  public static ApiMethod sendUserTo() {
    return ApiMethod.command("redirect.sendUserTo")
        .param("url", "string")
        .optionalParam("options", "{ query?: Record<string, string> }")
        .returnsApi()
        .effect(FlowEffect.SUSPEND_RESUME_SAME)
        .describedAs("Sends the user to an external URL after this action; resumes in onContinue.")
        .does(RedirectProtocol::sendUserTo);
  }

  private static Object sendUserTo(ApiCall call, Arguments args) {
    String url = args.nonBlankString(0, "url");
    Map<String, Object> query = queryOption(args);
    if (call.commands().stream().anyMatch(c -> c.name().equals("prompt.render"))) {
      throw ApiCallException.error(
          args.prefix() + "cannot redirect in an action that already called api.prompt.render");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw ApiCallException.typeError(args.prefix() + "url is not a valid URL: " + e.getReason());
    }
    if (uri.getScheme() == null || uri.getRawAuthority() == null) {
      throw ApiCallException.typeError(args.prefix() + "url must be an absolute URL, got '" + url + "'");
    }
    List<String[]> params = parseQuery(uri.getRawQuery());
    query.forEach((k, v) -> set(params, k, (String) v));
    set(params, "state", call.continuationState());
    String target = withQuery(uri, params);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("type", "redirect");
    call.suspendTo(target, details);
    return null;
  }

  private static Map<String, Object> queryOption(Arguments args) {
    Map<String, Object> options = args.optionalObject(1, "options");
    Object q = options.get("query");
    if (q == null || q == Undefined.VALUE) {
      return Map.of();
    }
    if (!(q instanceof Map)) {
      throw args.wrongType("options.query", "an object of strings", q);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> query = (Map<String, Object>) q;
    for (Map.Entry<String, Object> e : query.entrySet()) {
      if (!(e.getValue() instanceof String)) {
        throw args.wrongType("options.query." + e.getKey(), "a string", e.getValue());
      }
    }
    return query;
  }

  /**
   * {@code redirect.encodeToken({secret, payload, expiresInSeconds?})}: an HS256 JWT with {@code
   * iat}, {@code iss} (request hostname), {@code sub} (user id), {@code exp}, {@code ip} and then
   * the payload's keys (which may overwrite them, as on Auth0).
   */
  public static ApiMethod encodeToken() {
    return ApiMethod.query("redirect.encodeToken")
        .param("options", "{ secret: string; payload: object; expiresInSeconds?: number }")
        .returnsValue("string")
        .describedAs("Signs a payload for the external site as an HS256 JWT (default lifetime 900 s).")
        .does(RedirectProtocol::encodeToken);
  }

  private static Object encodeToken(ApiCall call, Arguments args) {
    Map<String, Object> options = args.object(0, "options");
    String secret = secretOption(args, options);
    Object payload = options.get("payload");
    if (!(payload instanceof Map)) {
      throw args.wrongType("options.payload", "an object", payload == null ? Undefined.VALUE : payload);
    }
    long expiresIn = DEFAULT_EXPIRY_SECONDS;
    Object e = options.get("expiresInSeconds");
    if (e != null && e != Undefined.VALUE) {
      if (!(e instanceof Number n) || !Double.isFinite(n.doubleValue()) || n.doubleValue() <= 0) {
        throw ApiCallException.typeError(
            args.prefix() + "options.expiresInSeconds must be a positive number, got " + e);
      }
      expiresIn = (long) Math.floor(n.doubleValue());
    }
    long iat = call.now().getEpochSecond();
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iat", iat);
    putIfPresent(claims, "iss", Events.at(call.event(), "request", "hostname"));
    putIfPresent(claims, "sub", Events.at(call.event(), "user", "user_id"));
    claims.put("exp", iat + expiresIn);
    putIfPresent(claims, "ip", Events.at(call.event(), "request", "ip"));
    @SuppressWarnings("unchecked")
    Map<String, Object> p = (Map<String, Object>) payload;
    claims.putAll(p);
    return Hs256.sign(claims, secret);
  }

  /**
   * {@code redirect.validateToken({secret, tokenParameterName?})}: reads the token from the {@code
   * /continue} parameters and returns its claims, or throws the documented errors.
   */
  public static ApiMethod validateToken() {
    return ApiMethod.query("redirect.validateToken")
        .param("options", "{ secret: string; tokenParameterName?: string }")
        .returnsValue("Record<string, unknown>")
        .describedAs("Checks the token the external site sent back to /continue; returns its payload.")
        .does(RedirectProtocol::validateToken);
  }

  private static Object validateToken(ApiCall call, Arguments args) {
    Map<String, Object> options = args.object(0, "options");
    String secret = secretOption(args, options);
    Object n = options.get("tokenParameterName");
    String name = "session_token";
    if (n != null && n != Undefined.VALUE) {
      if (!(n instanceof String s) || s.isEmpty()) {
        throw args.wrongType("options.tokenParameterName", "a non-empty string", n);
      }
      name = s;
    }
    ResumeRequest resume = call.resumeRequest().orElse(null);
    Object token = resume == null ? null : resume.parameter(name);
    if (!(token instanceof String)) {
      throw ApiCallException.error(
          "There is no parameter called '" + name + "' available in either the POST body or query string.");
    }
    Hs256.Token t;
    try {
      t = Hs256.verify((String) token, secret);
    } catch (Hs256.InvalidTokenException e) {
      throw invalid(e.getMessage());
    }
    Map<String, Object> claims = t.claims();
    Object state = resume.parameter("state");
    if (state == null || !state.equals(claims.get("state"))) {
      throw invalid("State in the token does not match the /continue state.");
    }
    for (String c : List.of("sub", "iss", "exp", "iat")) {
      if (!claims.containsKey(c)) {
        throw invalid("Missing or invalid standard claims");
      }
    }
    if (!(t.header().get("typ") instanceof String typ) || !typ.equalsIgnoreCase("JWT")) {
      throw invalid("Unexpected token payload type");
    }
    if (!claims.get("sub").equals(Events.at(call.event(), "user", "user_id"))) {
      throw invalid("The sub claim does not match the user_id.");
    }
    Object hostname = Events.at(call.event(), "request", "hostname");
    if (hostname != null && !claims.get("iss").equals(hostname)) {
      throw invalid("The iss claim does not match the request hostname.");
    }
    if (!(claims.get("exp") instanceof Number exp) || exp.doubleValue() <= call.now().getEpochSecond()) {
      throw invalid("Token has expired.");
    }
    return claims;
  }

  private static ApiCallException invalid(String reason) {
    return ApiCallException.error("The session token is invalid: " + reason);
  }

  private static String secretOption(Arguments args, Map<String, Object> options) {
    Object s = options.get("secret");
    if (!(s instanceof String secret) || secret.isEmpty()) {
      throw args.wrongType("options.secret", "a non-empty string", s == null ? Undefined.VALUE : s);
    }
    return secret;
  }

  private static void putIfPresent(Map<String, Object> m, String key, Object value) {
    if (value != null) {
      m.put(key, value);
    }
  }

  /**
   * WHATWG {@code URLSearchParams.set}: the first parameter of that name takes the value, later ones
   * of the same name are removed, other parameters (repeated ones included) keep their order.
   */
  private static void set(List<String[]> params, String name, String value) {
    boolean seen = false;
    for (Iterator<String[]> it = params.iterator(); it.hasNext(); ) {
      String[] p = it.next();
      if (p[0].equals(name)) {
        if (seen) {
          it.remove();
        } else {
          p[1] = value;
          seen = true;
        }
      }
    }
    if (!seen) {
      params.add(new String[] {name, value});
    }
  }

  private static List<String[]> parseQuery(String raw) {
    List<String[]> out = new ArrayList<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      out.add(new String[] {URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8)});
    }
    return out;
  }

  private static String withQuery(URI uri, List<String[]> params) {
    StringBuilder sb = new StringBuilder();
    sb.append(uri.getScheme()).append("://").append(uri.getRawAuthority());
    sb.append(uri.getRawPath() == null ? "" : uri.getRawPath());
    String sep = "?";
    for (String[] p : params) {
      sb.append(sep).append(encode(p[0])).append('=').append(encode(p[1]));
      sep = "&";
    }
    if (uri.getRawFragment() != null) {
      sb.append('#').append(uri.getRawFragment());
    }
    return sb.toString();
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
