package dev.interlock.trigger.tokenexchange;

import dev.interlock.core.trigger.common.EventOverrides;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test-data builder for the {@code custom-token-exchange} event: by default a native app
 * exchanging a legacy identity provider's token for an Auth0 access token.
 *
 * <pre>{@code
 * Map<String, Object> event = CustomTokenExchangeEvent.builder().subjectToken("eyJ...").build();
 * }</pre>
 */
public final class CustomTokenExchangeEvent {
  private CustomTokenExchangeEvent() {}

  public static Builder builder() {
    return new Builder();
  }

  /** Fluent builder; {@link #build()} returns a fresh JSON event each time. */
  public static final class Builder {
    private String subjectToken = "legacy.eyJzdWIiOiI0MiJ9.c2lnbmF0dXJl";
    private String subjectTokenType = "urn:example:legacy-session-token";
    private String audience = "https://api.example.com";
    private List<String> requestedScopes = List.of("openid", "profile");
    private String actorToken;
    private String actorTokenType;
    private final EventOverrides extra = new EventOverrides();

    private Builder() {}

    public Builder subjectToken(String token) {
      this.subjectToken = token;
      return this;
    }

    public Builder subjectTokenType(String type) {
      this.subjectTokenType = type;
      return this;
    }

    public Builder audience(String audience) {
      this.audience = audience;
      return this;
    }

    public Builder requestedScopes(String... scopes) {
      this.requestedScopes = List.of(scopes);
      return this;
    }

    public Builder actorToken(String token, String type) {
      this.actorToken = token;
      this.actorTokenType = type;
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
      e.put("client", map("client_id", "N4t1v3M0b1l3App", "name", "Mobile app", "metadata", new LinkedHashMap<>()));
      Map<String, Object> body = map("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange",
          "subject_token_type", subjectTokenType, "client_id", "N4t1v3M0b1l3App", "audience", audience,
          "scope", String.join(" ", requestedScopes));
      e.put("request", map("ip", "192.0.2.44", "method", "POST", "hostname", "tenant.example.com",
          "user_agent", "okhttp/4.12.0", "geoip", map("countryCode", "NL"), "body", body));
      e.put("resource_server", map("identifier", audience));
      e.put("tenant", map("id", "example-tenant"));
      Map<String, Object> tx = map("subject_token", subjectToken, "subject_token_type", subjectTokenType,
          "requested_scopes", new ArrayList<>(requestedScopes),
          "requested_token_type", "urn:ietf:params:oauth:token-type:access_token");
      if (actorToken != null) {
        tx.put("actor_token", actorToken);
        tx.put("actor_token_type", actorTokenType);
      }
      e.put("transaction", tx);
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
