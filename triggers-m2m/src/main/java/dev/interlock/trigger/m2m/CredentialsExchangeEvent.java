package dev.interlock.trigger.m2m;

import dev.interlock.core.trigger.common.EventOverrides;
import dev.interlock.core.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test-data builder for the {@code credentials-exchange} event: realistic defaults (a client
 * asking for an API with two granted scopes) that a test overrides where it matters.
 *
 * <pre>{@code
 * Map<String, Object> event = CredentialsExchangeEvent.builder().audience("https://api.example.com").build();
 * }</pre>
 */
public final class CredentialsExchangeEvent {
  private CredentialsExchangeEvent() {}

  public static Builder builder() {
    return new Builder();
  }

  /** Fluent builder; {@link #build()} returns a fresh JSON event each time. */
  public static final class Builder {
    private String clientId = "mA1nT3nAnc3Cl13nt";
    private String clientName = "Nightly billing job";
    private String audience = "https://api.example.com/billing";
    private List<String> grantedScopes = List.of("read:invoices", "write:invoices");
    private List<String> requestedScopes = List.of();
    private List<String> targetScopes;
    private Map<String, Object> customClaims = Map.of();
    private Map<String, Object> organization;
    private final EventOverrides extra = new EventOverrides();

    private Builder() {}

    public Builder client(String id, String name) {
      this.clientId = id;
      this.clientName = name;
      return this;
    }

    public Builder audience(String audience) {
      this.audience = audience;
      return this;
    }

    /** {@code event.accessToken.scope}: scopes the client grant allows. */
    public Builder grantedScopes(String... scopes) {
      this.grantedScopes = List.of(scopes);
      return this;
    }

    public Builder requestedScopes(String... scopes) {
      this.requestedScopes = List.of(scopes);
      return this;
    }

    /** {@code event.transaction.target_scopes} (early access); absent by default. */
    public Builder targetScopes(String... scopes) {
      this.targetScopes = List.of(scopes);
      return this;
    }

    public Builder customClaims(Map<String, Object> claims) {
      this.customClaims = claims;
      return this;
    }

    public Builder organization(String id, String name) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("id", id);
      o.put("name", name);
      o.put("display_name", name);
      o.put("metadata", new LinkedHashMap<>());
      this.organization = o;
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
      e.put("accessToken", map("customClaims", Json.deepCopy(customClaims), "scope", new ArrayList<>(grantedScopes)));
      e.put("client", map("client_id", clientId, "name", clientName, "metadata", new LinkedHashMap<>()));
      if (organization != null) {
        e.put("organization", Json.deepCopy(organization));
      }
      Map<String, Object> body = map("grant_type", "client_credentials", "client_id", clientId, "audience", audience);
      e.put(
          "request",
          map("ip", "203.0.113.17", "method", "POST", "hostname", "tenant.example.com", "user_agent", "billing-job/2.3",
              "geoip", map("countryCode", "DE", "cityName", "Berlin"), "body", body));
      e.put("resource_server", map("identifier", audience));
      e.put("tenant", map("id", "example-tenant"));
      Map<String, Object> tx = map("requested_scopes", new ArrayList<>(requestedScopes));
      if (targetScopes != null) {
        tx.put("target_scopes", new ArrayList<>(targetScopes));
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
