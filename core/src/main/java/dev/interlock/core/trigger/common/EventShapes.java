package dev.interlock.core.trigger.common;

import dev.interlock.core.trigger.Schema;
import java.util.List;

/**
 * The event sub-objects that several triggers share ({@code common.md} section 13), so every
 * family describes {@code event.client}, {@code event.request.geoip}, the user profile and the
 * rest the same way. Families add their own fields on top and may re-describe a shape with {@link
 * Schema#describedAs}.
 */
public final class EventShapes {
  private EventShapes() {}

  /** {@code Record<string, string>}. */
  public static Schema stringMap() {
    return Schema.mapOf(Schema.string());
  }

  /** {@code Record<string, unknown>}. */
  public static Schema anyMap() {
    return Schema.mapOf(Schema.any());
  }

  public static Schema geoip() {
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

  /** {@code event.request} without query or body; triggers add the ones they have. */
  public static Schema requestBase() {
    return Schema.object()
        .required("ip", Schema.string())
        .required("method", Schema.string())
        .required("geoip", geoip().defaultingToEmpty())
        .optional("hostname", Schema.string())
        .optional("language", Schema.string())
        .optional("user_agent", Schema.string())
        .describedAs("The request that started the transaction.");
  }

  /** {@code event.request} of a token request (machine to machine, token exchange): a body, no query. */
  public static Schema tokenRequest() {
    return requestBase()
        .required("body", anyMap().defaultingToEmpty().describedAs("The token request body."))
        .describedAs("The token request.");
  }

  /** {@code event.resource_server}: the API (audience) the token is for. */
  public static Schema resourceServer() {
    return Schema.object().required("identifier", Schema.string()).describedAs("The API (audience) the token is for.");
  }

  public static Schema client() {
    return Schema.object()
        .required("client_id", Schema.string())
        .required("name", Schema.string())
        .required("metadata", stringMap().defaultingToEmpty())
        .describedAs("The application.");
  }

  public static Schema connection() {
    return Schema.object()
        .required("id", Schema.string())
        .required("name", Schema.string())
        .required("strategy", Schema.string())
        .optional("metadata", stringMap())
        .describedAs("The connection the user authenticated or signs up with.");
  }

  public static Schema tenant() {
    return Schema.object().required("id", Schema.string()).describedAs("The tenant (its name).");
  }

  public static Schema customDomain() {
    return Schema.object()
        .required("domain", Schema.string())
        .required("domain_metadata", stringMap().defaultingToEmpty())
        .describedAs("The custom domain of the request, if any.");
  }

  public static Schema organization() {
    return Schema.object()
        .required("id", Schema.string())
        .required("name", Schema.string())
        .required("display_name", Schema.string())
        .required("metadata", stringMap().defaultingToEmpty())
        .describedAs("The organization of the transaction, if any.");
  }

  /** Early access: the agent acting through the client. */
  public static Schema agent() {
    return Schema.object()
        .required("agent_id", Schema.string())
        .required("name", Schema.string())
        .required("agent_metadata", anyMap().defaultingToEmpty())
        .describedAs("Early access: the agent acting through the client.");
  }

  /**
   * The full user profile: ids, timestamps, verification, metadata and identities, the optional
   * profile strings; triggers add {@code multifactor}, {@code enrolledFactors} and the like.
   */
  public static Schema fullUser() {
    Schema s =
        Schema.object()
            .required("user_id", Schema.string())
            .required("created_at", Schema.string())
            .required("updated_at", Schema.string())
            .required("email_verified", Schema.bool())
            .required("app_metadata", anyMap().defaultingToEmpty())
            .required("user_metadata", anyMap().defaultingToEmpty())
            .required("identities", Schema.arrayOf(anyMap()).defaultingToEmpty());
    for (String name : List.of("email", "username", "name", "given_name", "family_name", "nickname",
        "phone_number", "picture", "last_password_reset")) {
      s = s.optional(name, Schema.string());
    }
    return s.optional("phone_verified", Schema.bool()).describedAs("The user.");
  }
}
