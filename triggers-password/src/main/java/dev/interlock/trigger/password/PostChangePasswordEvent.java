package dev.interlock.trigger.password;

import dev.interlock.core.trigger.common.EventOverrides;
import static dev.interlock.trigger.password.EventMaps.map;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Test-data builder for the {@code post-change-password} event: by default a database user who
 * just reset their password.
 */
public final class PostChangePasswordEvent {
  private PostChangePasswordEvent() {}

  public static Builder builder() {
    return new Builder();
  }

  /** Fluent builder; {@link #build()} returns a fresh JSON event each time. */
  public static final class Builder {
    private String userId = "auth0|5f7c8ec7c33c6c004bbafe82";
    private String email = "j.smith@example.com";
    private String connection = "Username-Password-Authentication";
    private final EventOverrides extra = new EventOverrides();

    private Builder() {}

    public Builder user(String userId, String email) {
      this.userId = userId;
      this.email = email;
      return this;
    }

    public Builder connection(String name) {
      this.connection = name;
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
      e.put("connection", map("id", "con_fpe5kj482KO1eOzQ", "name", connection, "strategy", "auth0"));
      e.put("request", map("ip", "203.0.113.9", "method", "POST", "hostname", "login.example.com", "language", "en",
          "user_agent", "Mozilla/5.0", "geoip", map("countryCode", "GB")));
      e.put("tenant", map("id", "example-tenant"));
      e.put("transaction", map("correlation_id", "pw-7d1e"));
      e.put("user", map("user_id", userId, "email", email, "email_verified", true, "username", "jsmith",
          "last_password_reset", "2026-11-23T14:00:00.000Z"));
      return extra.applyTo(e);
    }
  }
}
