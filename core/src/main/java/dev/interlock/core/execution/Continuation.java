package dev.interlock.core.execution;

import java.util.Map;
import java.util.Objects;

/**
 * Where a suspended flow waits: the opaque {@code state} the resume request must present, the URL
 * the user is sent to (null for MFA, where the identity provider shows its own UI), the handler
 * that runs on resume (null when the flow resumes with the next action) and any details for the
 * caller (form id, MFA factors).
 */
public record Continuation(
    String state, String redirectUrl, String resumeHandler, Map<String, Object> details) {
  public Continuation {
    Objects.requireNonNull(state, "state");
    details = details == null ? Map.of() : details;
  }
}
