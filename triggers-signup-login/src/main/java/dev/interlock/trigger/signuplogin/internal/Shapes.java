package dev.interlock.trigger.signuplogin.internal;

import static dev.interlock.core.trigger.Schema.arrayOf;
import static dev.interlock.core.trigger.Schema.bool;
import static dev.interlock.core.trigger.Schema.mapOf;
import static dev.interlock.core.trigger.Schema.number;
import static dev.interlock.core.trigger.Schema.object;
import static dev.interlock.core.trigger.Schema.oneOf;
import static dev.interlock.core.trigger.Schema.string;

import dev.interlock.core.trigger.Schema;

/** Event sub-objects shared by the three triggers ({@code common.md} section 13). */
final class Shapes {
  private Shapes() {}

  static Schema strings() {
    return arrayOf(string());
  }

  static Schema stringMap() {
    return mapOf(string());
  }

  static Schema emptyObject() {
    return object().defaultingToEmpty();
  }

  static Schema geoip() {
    return object()
        .optional("cityName", string())
        .optional("continentCode", string())
        .optional("countryCode", string())
        .optional("countryCode3", string())
        .optional("countryName", string())
        .optional("latitude", number())
        .optional("longitude", number())
        .optional("subdivisionCode", string())
        .optional("subdivisionName", string())
        .optional("timeZone", string())
        .describedAs("Location of the request's IP address.");
  }

  /** {@code event.request} with the fields every trigger has. */
  static Schema requestBase() {
    return object()
        .required("ip", string())
        .required("method", string())
        .required("geoip", geoip().defaultingToEmpty())
        .optional("hostname", string())
        .optional("language", string())
        .optional("user_agent", string())
        .describedAs("The HTTP request that started the transaction.");
  }

  static Schema connection() {
    return object()
        .required("id", string())
        .required("name", string())
        .required("strategy", string())
        .optional("metadata", stringMap())
        .describedAs("The connection the user authenticates or signs up with.");
  }

  static Schema client() {
    return object()
        .required("client_id", string())
        .required("name", string())
        .required("metadata", stringMap().defaultingToEmpty())
        .describedAs("The application the user logs in or signs up to.");
  }

  static Schema tenant() {
    return object().required("id", string()).describedAs("The tenant (its name).");
  }

  static Schema customDomain() {
    return object()
        .required("domain", string())
        .required("domain_metadata", stringMap().defaultingToEmpty())
        .describedAs("The custom domain of the request, if any.");
  }

  static Schema securityContext() {
    return object().optional("ja3", string()).optional("ja4", string()).describedAs("TLS fingerprints.");
  }

  static Schema secrets() {
    return stringMap().defaultingToEmpty().describedAs("The action's own secrets; supplied per action.");
  }

  static Schema configuration() {
    return stringMap().defaultingToEmpty().describedAs("Binding configuration (private; usually {}).");
  }

  static Schema akamai() {
    Schema bot =
        object()
            .optional("type", string())
            .optional("action", string())
            .optional("botCategory", strings())
            .optional("botScore", number())
            .optional("botScoreResponseSegment", string())
            .optional("botnetId", string());
    Schema risk =
        object()
            .optional("action", string())
            .optional("allow", number())
            .optional("emailDomain", string())
            .optional("general", object())
            .optional("ouid", string())
            .optional("requestid", string())
            .optional("risk", object())
            .optional("score", number())
            .optional("status", number())
            .optional("trust", object())
            .optional("username", string())
            .optional("uuid", string());
    return object().optional("akamaiBot", bot).optional("akamaiUserRisk", risk);
  }

  /** {@code event.authentication} of the registration triggers: only Akamai supplemental data. */
  static Schema registrationAuthentication() {
    return object()
        .optional("riskAssessment", object().optional("supplemental", object().optional("akamai", akamai())))
        .describedAs("Risk data (Akamai supplemental signals only).");
  }

  /** {@code event.transaction} fields shared by all three triggers. */
  static Schema transactionBase() {
    return object()
        .required("acr_values", strings().defaultingToEmpty())
        .optional("locale", string())
        .required("requested_scopes", strings().defaultingToEmpty())
        .required("ui_locales", strings().defaultingToEmpty())
        .optional("login_hint", string())
        .optional("prompt", strings())
        .optional("protocol", string())
        .optional("redirect_uri", string())
        .optional("response_mode", oneOf("query", "fragment", "form_post", "web_message"))
        .optional("response_type", arrayOf(oneOf("code", "token", "id_token")))
        .optional("state", string())
        .optional("correlation_id", string())
        .describedAs("The authorization transaction.");
  }

  /** The profile fields every full user (post-login, post-user-registration) has. */
  static Schema fullUser() {
    return object()
        .required("user_id", string())
        .required("created_at", string())
        .required("updated_at", string())
        .required("email_verified", bool())
        .required("app_metadata", emptyObject())
        .required("user_metadata", emptyObject())
        .optional("email", string())
        .optional("username", string())
        .optional("name", string())
        .optional("given_name", string())
        .optional("family_name", string())
        .optional("nickname", string())
        .optional("phone_number", string())
        .optional("phone_verified", bool())
        .optional("picture", string())
        .optional("last_password_reset", string())
        .describedAs("The user profile.");
  }

  static Schema identity() {
    return object()
        .optional("connection", string())
        .optional("provider", string())
        .optional("user_id", string())
        .optional("isSocial", bool())
        .optional("profileData", object());
  }

  static Schema device() {
    return object()
        .optional("initial_asn", string())
        .optional("initial_ip", string())
        .optional("initial_user_agent", string())
        .optional("last_asn", string())
        .optional("last_ip", string())
        .optional("last_user_agent", string());
  }

  static Schema experiment() {
    return object()
        .optional("experiment_id", string())
        .optional("variation_id", string())
        .optional("variation_name", string())
        .optional("variation_description", string())
        .optional("config", object())
        .optional("is_control", bool())
        .nullable()
        .describedAs("Experiment Center data (undocumented; null without an experiment).");
  }
}
