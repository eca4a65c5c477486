package dev.interlock.trigger.password;

import dev.interlock.core.trigger.Schema;
import dev.interlock.core.trigger.common.EventShapes;
import java.util.List;

/** Event sub-objects of common.md section 13, as the password-reset triggers use them. */
final class Shapes {
  private Shapes() {}

  static Schema stringMap() {
    return EventShapes.stringMap();
  }

  static Schema anyMap() {
    return EventShapes.anyMap();
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
    return EventShapes.connection().describedAs("The database connection of the user.");
  }

  static Schema client() {
    return EventShapes.client();
  }

  static Schema tenant() {
    return EventShapes.tenant();
  }

  static Schema customDomain() {
    return EventShapes.customDomain();
  }

  static Schema organization() {
    return EventShapes.organization();
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
    return EventShapes.fullUser()
        .optional("enrolledFactors", Schema.arrayOf(Schema.object().required("type", Schema.string()).optional("options", anyMap()))
            .describedAs("Enrolled MFA factors; [] = none, absent = could not be determined."))
        .describedAs("The user resetting the password.");
  }
}
