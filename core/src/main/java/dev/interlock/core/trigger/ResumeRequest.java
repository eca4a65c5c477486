package dev.interlock.core.trigger;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The request that resumes a suspended flow: the browser's return to {@code /continue} after a
 * redirect, a submitted form, or a completed MFA challenge.
 *
 * @param request fields of the new {@code event.request}: at least {@code query} and {@code body}
 *     (the state parameter is read from them), optionally {@code ip}, {@code method}, ...
 * @param eventPatch top-level event properties the identity provider refreshes on resume, such as
 *     {@code prompt} after a form or {@code authentication} after an MFA challenge
 */
public record ResumeRequest(Map<String, Object> request, Map<String, Object> eventPatch) {
  public ResumeRequest {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(eventPatch, "eventPatch");
  }

  /** A resume request carrying only the {@code /continue} query and body. */
  public static ResumeRequest of(Map<String, Object> query, Map<String, Object> body) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("query", query == null ? new LinkedHashMap<>() : query);
    r.put("body", body == null ? new LinkedHashMap<>() : body);
    return new ResumeRequest(r, Map.of());
  }

  /** A parameter of the {@code /continue} request: the body overrides the query. */
  @SuppressWarnings("unchecked")
  public Object parameter(String name) {
    Object body = request.get("body");
    if (body instanceof Map && ((Map<String, Object>) body).containsKey(name)) {
      return ((Map<String, Object>) body).get(name);
    }
    Object query = request.get("query");
    if (query instanceof Map) {
      return ((Map<String, Object>) query).get(name);
    }
    return null;
  }
}
