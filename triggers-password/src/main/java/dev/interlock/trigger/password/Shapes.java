package dev.interlock.trigger.password;

import dev.interlock.core.trigger.Schema;
import java.util.List;

/** Event sub-objects of common.md section 13, as the password-reset triggers use them. */
final class Shapes {
  private Shapes() {}

  static Schema stringMap() {
    return Schema.mapOf(Schema.string());
  }

  static Schema anyMap() {
    return Schema.mapOf(Schema.any());
  }

  /** {@code event.request}; post-challenge adds {@code query} and {@code body}. */
  static Schema request(boolean withQueryAndBody) {
    Schema s =
        Schema.object()
            .required("ip", Schema.string())
            .required("method", Schema.string())
            .required("geoip", anyMap().defaultingToEmpty())
            .optional("hostname", Schema.string())
            .optional("language", Schema.string())
            .optional("user_agent", Schema.string());
    if (withQueryAndBody) {
      s = s.required("query", anyMap().defaultingToEmpty()).required("body", anyMap().defaultingToEmpty());
    }
    return s.describedAs("The request that started the step.");
  }

  static Schema connection() {
    return Schema.object()
        .required("id", Schema.string())
        .required("name", Schema.string())
        .required("strategy", Schema.string())
        .optional("metadata", stringMap())
        .describedAs("The database connection of the user.");
  }

  static Schema client() {
    return Schema.object()
        .required("client_id", Schema.string())
        .required("name", Schema.string())
        .required("metadata", stringMap().defaultingToEmpty());
  }

  static Schema tenant() {
    return Schema.object().required("id", Schema.string());
  }

  static Schema customDomain() {
    return Schema.object().required("domain", Schema.string()).required("domain_metadata", stringMap().defaultingToEmpty());
  }

  static Schema organization() {
    return Schema.object()
        .required("id", Schema.string())
        .required("name", Schema.string())
        .required("display_name", Schema.string())
        .required("metadata", stringMap().defaultingToEmpty());
  }

  /** Only the Akamai supplement of the risk assessment is given to these triggers. */
  static Schema riskAssessment() {
    return Schema.object().optional("supplemental", Schema.object().optional("akamai", anyMap()));
  }

  /** The reduced profile of post-change-password: every field optional, no metadata. */
  static Schema reducedUser() {
    return Schema.object()
        .optional("user_id", Schema.string())
        .optional("email", Schema.string())
        .optional("email_verified", Schema.bool())
        .optional("username", Schema.string())
        .optional("phone_number", Schema.string())
        .optional("phone_verified", Schema.bool())
        .optional("last_password_reset", Schema.string())
        .describedAs("The user whose password changed (reduced profile).");
  }

  /** The full profile of post-challenge, with {@code enrolledFactors} (absent = unknown). */
  static Schema fullUser() {
    Schema s =
        Schema.object()
            .required("user_id", Schema.string())
            .required("created_at", Schema.string())
            .required("updated_at", Schema.string())
            .required("email_verified", Schema.bool())
            .required("app_metadata", anyMap().defaultingToEmpty())
            .required("user_metadata", anyMap().defaultingToEmpty())
            .required("identities", Schema.arrayOf(anyMap()).defaultingToEmpty());
    for (String name : List.of("email", "username", "name", "given_name", "family_name", "nickname", "phone_number",
        "picture", "last_password_reset")) {
      s = s.optional(name, Schema.string());
    }
    return s.optional("phone_verified", Schema.bool())
        .optional("enrolledFactors", Schema.arrayOf(Schema.object().required("type", Schema.string()).optional("options", anyMap()))
            .describedAs("Enrolled MFA factors; [] = none, absent = could not be determined."))
        .describedAs("The user resetting the password.");
  }
}
