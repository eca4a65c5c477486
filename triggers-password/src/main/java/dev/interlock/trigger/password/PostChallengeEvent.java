package dev.interlock.trigger.password;

import dev.interlock.core.trigger.common.EventOverrides;
import static dev.interlock.trigger.password.EventMaps.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test-data builder for the {@code password-reset-post-challenge} event: by default a database
 * user who just followed the reset e-mail link and has one OTP factor enrolled.
 */
public final class PostChallengeEvent {
  private PostChallengeEvent() {}

  public static Builder builder() {
    return new Builder();
  }

  /** Fluent builder; {@link #build()} returns a fresh JSON event each time. */
  public static final class Builder {
    private String userId = "auth0|5f7c8ec7c33c6c004bbafe82";
    private String hostname = "login.example.com";
    private List<String> enrolledFactors = List.of("otp");
    private final EventOverrides extra = new EventOverrides();

    private Builder() {}

    public Builder userId(String userId) {
      this.userId = userId;
      return this;
    }

    /** {@code request.hostname}: the issuer of redirect tokens. */
    public Builder hostname(String hostname) {
      this.hostname = hostname;
      return this;
    }

    /** {@code user.enrolledFactors} types; none given means an empty list. */
    public Builder enrolledFactors(String... types) {
      this.enrolledFactors = List.of(types);
      return this;
    }

    /** Sets a top-level property to any JSON value (including null), e.g. to build invalid events. */
    public Builder with(String property, Object value) {
      extra.set(property, value);
      return this;
    }

    /** Leaves a top-level property out. */
    public Builder without(String property) {
      extra.remove(property);
      return this;
    }

    public Map<String, Object> build() {
      Map<String, Object> e = new LinkedHashMap<>();
      List<Object> methods = new ArrayList<>();
      methods.add(map("name", "email", "timestamp", "2026-11-23T14:02:11.000Z"));
      e.put("authentication", map("methods", methods));
      e.put("authorization", map("roles", new ArrayList<>()));
      e.put("client", map("client_id", "gmOWNgklfRm4tyl5YYnl3JDSJy19h1bR", "name", "Customer portal",
          "metadata", new LinkedHashMap<>()));
      e.put("connection", map("id", "con_fpe5kj482KO1eOzQ", "name", "Username-Password-Authentication",
          "strategy", "auth0", "metadata", new LinkedHashMap<>()));
      e.put("request", map("ip", "203.0.113.9", "method", "GET", "hostname", hostname, "language", "en",
          "user_agent", "Mozilla/5.0", "geoip", map("countryCode", "GB"),
          "query", map("ticket", "reset-ticket-123"), "body", new LinkedHashMap<>()));
      e.put("stats", map("logins_count", 62L));
      e.put("tenant", map("id", "example-tenant"));
      e.put("transaction", map("locale", "en", "ui_locales", new ArrayList<>(List.of("en")), "correlation_id", "pw-7d1e"));
      List<Object> factors = new ArrayList<>();
      enrolledFactors.forEach(t -> factors.add(map("type", t)));
      e.put("user", map("user_id", userId, "created_at", "2024-01-05T10:00:00.000Z",
          "updated_at", "2026-11-01T10:00:00.000Z", "email", "j.smith@example.com", "email_verified", true,
          "name", "John Smith", "app_metadata", new LinkedHashMap<>(), "user_metadata", new LinkedHashMap<>(),
          "identities", new ArrayList<>(), "enrolledFactors", factors));
      return extra.applyTo(e);
    }
  }
}
