package dev.interlock.trigger.m2m;

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
        .describedAs("The organization the token is requested for, if any.");
  }

  static Schema resourceServer() {
    return Schema.object()
        .required("identifier", Schema.string())
        .describedAs("The API (audience) the token is for.");
  }

  static Schema agent() {
    return Schema.object()
        .required("agent_id", Schema.string())
        .required("name", Schema.string())
        .required("agent_metadata", Schema.mapOf(Schema.any()).defaultingToEmpty())
        .describedAs("Early access: the agent acting through the client.");
  }
}
