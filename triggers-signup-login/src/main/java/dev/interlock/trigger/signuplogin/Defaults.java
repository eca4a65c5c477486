package dev.interlock.trigger.signuplogin;

import dev.interlock.core.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** Realistic default events, written as JSON for readability. */
final class Defaults {
  static final String CREATED = "2024-01-15T09:30:00.000Z";

  private static final String CONNECTION =
      "{\"id\":\"con_0000000000000001\",\"name\":\"Username-Password-Authentication\",\"strategy\":\"auth0\"}";
  private static final String TENANT = "{\"id\":\"interlock-test\"}";
  private static final String CLIENT =
      "{\"client_id\":\"cl_0000000000000001\",\"name\":\"Example Web App\",\"metadata\":{}}";
  private static final String GEOIP =
      "{\"cityName\":\"Lisbon\",\"continentCode\":\"EU\",\"countryCode\":\"PT\",\"countryCode3\":\"PRT\","
          + "\"countryName\":\"Portugal\",\"latitude\":38.72,\"longitude\":-9.14,\"timeZone\":\"Europe/Lisbon\"}";

  private Defaults() {}

  static Map<String, Object> postLogin() {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("authentication", Json.parseObject(
        "{\"methods\":[{\"name\":\"pwd\",\"timestamp\":\"2024-06-01T10:00:00.000Z\"}]}"));
    e.put("authorization", Json.parseObject("{\"roles\":[]}"));
    e.put("client", Json.parseObject(CLIENT));
    e.put("connection", Json.parseObject(CONNECTION));
    e.put("request", request("GET", "\"query\":{\"client_id\":\"cl_0000000000000001\",\"response_type\":\"code\"},"
        + "\"body\":{}"));
    e.put("secrets", new LinkedHashMap<>());
    e.put("configuration", new LinkedHashMap<>());
    e.put("session", Json.parseObject("{\"id\":\"sess_0000000000000001\"}"));
    e.put("stats", Json.parseObject("{\"logins_count\":5}"));
    e.put("tenant", Json.parseObject(TENANT));
    e.put("transaction", Json.parseObject(
        "{\"id\":\"tx_0000000000000001\",\"acr_values\":[],\"locale\":\"en\",\"protocol\":\"oidc-basic-profile\","
            + "\"redirect_uri\":\"https://app.example.com/callback\",\"requested_scopes\":[\"openid\",\"profile\",\"email\"],"
            + "\"response_mode\":\"query\",\"response_type\":[\"code\"],\"state\":\"af0ifjsldkj\",\"ui_locales\":[],"
            + "\"metadata\":{}}"));
    Map<String, Object> user = fullUser();
    user.put("identities", Json.parse(
        "[{\"connection\":\"Username-Password-Authentication\",\"provider\":\"auth0\","
            + "\"user_id\":\"65a4f1c2e1d2b3a4c5d6e7f8\",\"isSocial\":false}]"));
    e.put("user", user);
    return e;
  }

  static Map<String, Object> preUserRegistration() {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("client", Json.parseObject(CLIENT));
    e.put("connection", Json.parseObject(CONNECTION));
    e.put("request", request("POST", "\"body\":{}"));
    e.put("secrets", new LinkedHashMap<>());
    e.put("configuration", new LinkedHashMap<>());
    e.put("tenant", Json.parseObject(TENANT));
    e.put("transaction", Json.parseObject(
        "{\"acr_values\":[],\"locale\":\"en\",\"protocol\":\"oidc-basic-profile\","
            + "\"requested_scopes\":[\"openid\",\"profile\"],\"ui_locales\":[]}"));
    e.put("user", Json.parseObject(
        "{\"email\":\"new.user@example.com\",\"app_metadata\":{},\"user_metadata\":{}}"));
    return e;
  }

  static Map<String, Object> postUserRegistration() {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("connection", Json.parseObject(CONNECTION));
    e.put("request", request("POST", null));
    e.put("secrets", new LinkedHashMap<>());
    e.put("configuration", new LinkedHashMap<>());
    e.put("tenant", Json.parseObject(TENANT));
    e.put("user", fullUser());
    return e;
  }

  private static Map<String, Object> fullUser() {
    return Json.parseObject(
        "{\"user_id\":\"auth0|65a4f1c2e1d2b3a4c5d6e7f8\",\"email\":\"jane@example.com\",\"email_verified\":true,"
            + "\"name\":\"Jane Doe\",\"nickname\":\"jane\",\"created_at\":\"" + CREATED + "\","
            + "\"updated_at\":\"2024-06-01T10:00:00.000Z\",\"app_metadata\":{},\"user_metadata\":{}}");
  }

  private static Map<String, Object> request(String method, String extra) {
    return Json.parseObject(
        "{\"ip\":\"203.0.113.10\",\"method\":\"" + method + "\",\"hostname\":\"login.example.com\","
            + "\"language\":\"en\",\"user_agent\":\"Mozilla/5.0 (X11; Linux x86_64)\",\"geoip\":" + GEOIP
            + (extra == null ? "" : "," + extra) + "}");
  }

  /** The nested object {@code key} of {@code event}, created when absent. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> child(Map<String, Object> event, String key) {
    Object v = event.get(key);
    if (!(v instanceof Map)) {
      v = new LinkedHashMap<String, Object>();
      event.put(key, v);
    }
    return (Map<String, Object>) v;
  }
}
