package dev.interlock.trigger.mfa;

import dev.interlock.core.trigger.common.EventOverrides;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Test-data builder for the {@code send-phone-message} event: by default an SMS enrollment code
 * for a verified database user, in English.
 *
 * <pre>{@code
 * Map<String, Object> event = SendPhoneMessageEvent.builder().voice().language("fr").build();
 * }</pre>
 */
public final class SendPhoneMessageEvent {
  private SendPhoneMessageEvent() {}

  public static Builder builder() {
    return new Builder();
  }

  /** Fluent builder; {@link #build()} returns a fresh JSON event each time. */
  public static final class Builder {
    private String recipient = "+1-808-555-5555";
    private String code = "482915";
    private String text;
    private String action = "enrollment";
    private String messageType = "sms";
    private String language = "en";
    private String userId = "auth0|65f1c0ffee0000000000beef";
    private final EventOverrides extra = new EventOverrides();

    private Builder() {}

    /** {@code message_options.recipient}: the phone number. */
    public Builder recipient(String phoneNumber) {
      this.recipient = phoneNumber;
      return this;
    }

    public Builder code(String code) {
      this.code = code;
      return this;
    }

    /** {@code message_options.text}; by default a sentence containing the code. */
    public Builder text(String text) {
      this.text = text;
      return this;
    }

    /** A challenge ({@code second-factor-authentication}) instead of an enrollment. */
    public Builder challenge() {
      this.action = "second-factor-authentication";
      return this;
    }

    public Builder action(String action) {
      this.action = action;
      return this;
    }

    public Builder voice() {
      this.messageType = "voice";
      return this;
    }

    public Builder messageType(String type) {
      this.messageType = type;
      return this;
    }

    /** {@code request.language}: the language the message is rendered in. */
    public Builder language(String language) {
      this.language = language;
      return this;
    }

    public Builder userId(String userId) {
      this.userId = userId;
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
      String body = text != null ? text : "Your verification code is " + code + ". It expires in 5 minutes.";
      e.put("message_options",
          map("action", action, "code", code, "message_type", messageType, "recipient", recipient, "text", body));
      e.put("client", map("client_id", "Xb2cLoginWebApp", "name", "Customer portal", "metadata", new LinkedHashMap<>()));
      e.put("request", map("ip", "198.51.100.23", "method", "POST", "hostname", "login.example.com", "language", language,
          "user_agent", "Mozilla/5.0 (X11; Linux x86_64)", "geoip", map("countryCode", "US", "cityName", "Honolulu")));
      e.put("tenant", map("id", "example-tenant"));
      e.put("transaction", map("correlation_id", "c0rr-3f6a"));
      e.put("user", map("user_id", userId, "created_at", "2025-03-01T09:30:00.000Z", "updated_at", "2026-11-20T08:00:00.000Z",
          "email", "kai@example.com", "email_verified", true, "phone_number", recipient, "phone_verified", false,
          "app_metadata", new LinkedHashMap<>(), "user_metadata", new LinkedHashMap<>()));
      extra.applyTo(e);
      return e;
    }

    private static Map<String, Object> map(Object... kv) {
      Map<String, Object> m = new LinkedHashMap<>();
      for (int i = 0; i < kv.length; i += 2) {
        m.put((String) kv[i], kv[i + 1]);
      }
      return m;
    }
  }
}
