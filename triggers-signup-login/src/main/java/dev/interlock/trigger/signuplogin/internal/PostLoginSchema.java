package dev.interlock.trigger.signuplogin.internal;

import static dev.interlock.core.trigger.Schema.arrayOf;
import static dev.interlock.core.trigger.Schema.bool;
import static dev.interlock.core.trigger.Schema.number;
import static dev.interlock.core.trigger.Schema.object;
import static dev.interlock.core.trigger.Schema.oneOf;
import static dev.interlock.core.trigger.Schema.string;

import dev.interlock.core.trigger.Schema;

/** Event contract of {@code post-login} v3 ({@code signup-login.md} C.2). */
public final class PostLoginSchema {
  private PostLoginSchema() {}

  public static Schema event() {
    return object()
        .optional("agent", object().required("agent_id", string()).required("name", string())
            .required("agent_metadata", Shapes.emptyObject()).describedAs("The AI agent acting for the user (EA)."))
        .optional("authentication", authentication())
        .optional("authorization", object().required("roles", Shapes.strings().defaultingToEmpty())
            .describedAs("Names of the user's roles."))
        .required("client", Shapes.client().optional("refresh_token", object()
            .optional("policies", arrayOf(object().required("audience", string()).required("scope", Shapes.strings())))))
        .required("connection", Shapes.connection())
        .optional("custom_domain", Shapes.customDomain())
        .optional("organization", object().required("id", string()).required("name", string())
            .required("display_name", string()).required("metadata", Shapes.stringMap().defaultingToEmpty())
            .describedAs("The organization of the login."))
        .optional("prompt", object().required("id", string()).optional("fields", object()).optional("vars", object())
            .describedAs("The Form that just completed (in onContinuePostLogin)."))
        .optional("refresh_token", refreshToken())
        .required("request", Shapes.requestBase()
            .required("query", Shapes.emptyObject().describedAs("Query of the authorization request."))
            .required("body", Shapes.emptyObject().describedAs("POST body (refresh-token and back-channel flows)."))
            .optional("asn", string()))
        .optional("resource_server", object().required("identifier", string()).describedAs("The requested API."))
        .required("secrets", Shapes.secrets())
        .required("configuration", Shapes.configuration())
        .optional("security_context", Shapes.securityContext())
        .optional("session", session())
        .optional("session_transfer_token", object().required("client_id", string()).required("scope", Shapes.strings())
            .required("request", object().required("ip", string()).optional("asn", string())
                .optional("user_agent", string()).optional("geoip", Shapes.geoip())))
        .required("stats", object().required("logins_count", number()).describedAs("Login statistics."))
        .required("tenant", Shapes.tenant())
        .optional("transaction", transaction())
        .required("user", user())
        .optional("anonymous_session", object())
        .optional("experiment", Shapes.experiment())
        .describedAs("post-login v3: after authentication, before tokens are issued.");
  }

  private static Schema assessment(String... codes) {
    return object()
        .required("confidence", oneOf("low", "medium", "high", "neutral"))
        .required("code", oneOf(codes))
        .optional("details", object());
  }

  static Schema authentication() {
    Schema method =
        object().required("name", string()).required("timestamp", string()).optional("type", string());
    Schema assessments =
        object()
            .optional("UntrustedIP", assessment("not_found_on_deny_list", "found_on_deny_list",
                "invalid_ip_address", "assessment_not_available"))
            .optional("NewDevice", assessment("match", "partial_match", "no_match", "initial_login",
                "unknown_device", "no_device_history", "assessment_not_available"))
            .optional("ImpossibleTravel", assessment("minimal_travel_from_last_login", "travel_from_last_login",
                "substantial_travel_from_last_login", "impossible_travel_from_last_login", "invalid_travel",
                "missing_geoip", "anonymous_proxy", "unknown_location", "initial_login",
                "location_history_not_found", "assessment_not_available"))
            .optional("AgentDetection", assessment("unknown", "verified_agent"));
    Schema risk =
        object()
            .required("confidence", oneOf("low", "medium", "high", "neutral"))
            .required("version", string())
            .required("assessments", assessments)
            .optional("supplemental", object().optional("akamai", Shapes.akamai()));
    return object()
        .required("methods", arrayOf(method).defaultingToEmpty())
        .optional("riskAssessment", risk)
        .describedAs("How the user authenticated in this session.");
  }

  static Schema session() {
    return object()
        .required("id", string())
        .optional("user_id", string())
        .optional("created_at", string())
        .optional("updated_at", string())
        .optional("authenticated_at", string())
        .optional("idle_expires_at", string())
        .optional("expires_at", string())
        .optional("last_interacted_at", string())
        .optional("clients", arrayOf(object().required("client_id", string())))
        .optional("device", Shapes.device())
        .optional("cookie", object().required("mode", oneOf("persistent", "non-persistent")))
        .optional("metadata", Shapes.stringMap())
        .optional("session_transfer", object().optional("parent_refresh_token",
            object().optional("id", string()).optional("metadata", Shapes.stringMap())))
        .optional("actor", object().required("sub", string()))
        .describedAs("The login session (most fields Enterprise).");
  }

  static Schema refreshToken() {
    return object()
        .required("id", string())
        .required("created_at", string())
        .optional("user_id", string())
        .optional("client_id", string())
        .optional("session_id", string())
        .optional("expires_at", string())
        .optional("idle_expires_at", string())
        .optional("last_exchanged_at", string())
        .optional("rotating", bool())
        .optional("device", Shapes.device())
        .optional("resource_servers", arrayOf(object().required("audience", string()).required("scopes", string())))
        .optional("metadata", Shapes.stringMap())
        .optional("session_transfer", object().optional("parent_refresh_token", object().optional("id", string())))
        .optional("access", oneOf("online", "offline"))
        .describedAs("The refresh token being exchanged (Enterprise).");
  }

  static Schema actor() {
    // up to five levels of act; deeper levels are accepted as any object
    Schema level = object().required("sub", string()).optional("act", object());
    for (int i = 0; i < 4; i++) {
      level = object().required("sub", string()).optional("act", level);
    }
    return level;
  }

  static Schema transaction() {
    return Shapes.transactionBase()
        .optional("id", string())
        .optional("linking_id", string())
        .optional("requested_authorization_details", arrayOf(object().required("type", string())))
        .required("metadata", object().defaultingToEmpty()
            .describedAs("Transaction metadata set by earlier actions (api.transaction.setMetadata)."))
        .optional("actor", actor())
        .optional("actor_token_type", string())
        .optional("subject_token_type", string())
        .optional("target_scopes", Shapes.strings())
        .describedAs("The authorization transaction (absent e.g. for some non-browser flows).");
  }

  static Schema user() {
    Schema factor = object().required("type", string()).optional("options", object());
    return Shapes.fullUser()
        .required("identities", arrayOf(Shapes.identity()))
        .optional("multifactor", Shapes.strings())
        .optional("enrolledFactors", arrayOf(factor))
        .describedAs("The user profile; extra profile attributes pass through.");
  }
}
