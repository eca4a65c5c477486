package dev.interlock.trigger.tokenexchange;

import dev.interlock.core.trigger.Schema;

/** Event sub-objects of common.md section 13, as this trigger uses them. */
final class Shapes {
  private Shapes() {}

  static Schema stringMap() {
    return Schema.mapOf(Schema.string());
  }

  static Schema geoip() {
    return Schema.object()
        .optional("cityName", Schema.string())
        .optional("continentCode", Schema.string())
        .optional("countryCode", Schema.string())
        .optional("countryCode3", Schema.string())
        .optional("countryName", Schema.string())
        .optional("latitude", Schema.number())
        .optional("longitude", Schema.number())
        .optional("subdivisionCode", Schema.string())
        .optional("subdivisionName", Schema.string())
        .optional("timeZone", Schema.string())
        .describedAs("Geolocation of the request's IP address.");
  }

  /** {@code event.request} of a token request: a body, no query. */
  static Schema tokenRequest() {
    return Schema.object()
        .required("ip", Schema.string())
        .required("method", Schema.string())
        .required("geoip", geoip().defaultingToEmpty())
        .required("body", Schema.mapOf(Schema.any()).defaultingToEmpty().describedAs("The token request body."))
        .optional("hostname", Schema.string())
        .optional("language", Schema.string())
        .optional("user_agent", Schema.string())
        .describedAs("The token request.");
  }

  static Schema client() {
    return Schema.object()
        .required("client_id", Schema.string())
        .required("name", Schema.string())
        .required("metadata", stringMap().defaultingToEmpty())
        .describedAs("The application that requested the token.");
  }

  static Schema tenant() {
    return Schema.object().required("id", Schema.string()).describedAs("The tenant.");
  }

  static Schema customDomain() {
    return Schema.object()
        .required("domain", Schema.string())
        .required("domain_metadata", stringMap().defaultingToEmpty())
        .describedAs("The custom domain of the request, if any.");
  }

  static Schema organization() {
    return Schema.object()
        .required("id", Schema.string())
        .required("name", Schema.string())
        .required("display_name", Schema.string())
        .required("metadata", stringMap().defaultingToEmpty())
        .describedAs("The organization named by the token request, if any.");
  }

  static Schema resourceServer() {
    return Schema.object()
        .required("identifier", Schema.string())
        .describedAs("The API (audience) the token is for.");
  }

  /** The profile shape of {@code transaction.actor_token_user} (as post-login's {@code event.user}). */
  static Schema user() {
    Schema s =
        Schema.object()
            .required("user_id", Schema.string())
            .required("created_at", Schema.string())
            .required("updated_at", Schema.string())
            .required("email_verified", Schema.bool())
            .required("app_metadata", Schema.mapOf(Schema.any()).defaultingToEmpty())
            .required("user_metadata", Schema.mapOf(Schema.any()).defaultingToEmpty())
            .required("identities", Schema.arrayOf(Schema.mapOf(Schema.any())).defaultingToEmpty());
    for (String name : java.util.List.of("email", "username", "name", "given_name", "family_name", "nickname",
        "phone_number", "picture", "last_password_reset")) {
      s = s.optional(name, Schema.string());
    }
    return s.optional("phone_verified", Schema.bool())
        .optional("multifactor", Schema.arrayOf(Schema.string()))
        .optional("enrolledFactors", Schema.arrayOf(Schema.mapOf(Schema.any())));
  }
}
