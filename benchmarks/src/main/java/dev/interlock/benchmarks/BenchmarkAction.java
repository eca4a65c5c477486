package dev.interlock.benchmarks;

import dev.interlock.core.execution.Command;
import dev.interlock.core.port.ActionConsole;
import dev.interlock.core.port.ApiSession;
import dev.interlock.core.port.Invocation;
import dev.interlock.core.trigger.ApiContract;
import dev.interlock.core.trigger.ApiMethod;
import dev.interlock.core.trigger.FlowEffect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The realistic action the benchmarks run (reads five event fields, sets three claims), its
 * ~2.5 KB post-login event, and an api session that records commands as the engine's does.
 */
public final class BenchmarkAction {
  /** Also in {@code benchmarks/node/action.js}, which the Node.js comparison runs. */
  public static final String CODE =
      String.join("\n",
          "exports.onExecutePostLogin = async (event, api) => {",
          "  const namespace = 'https://example.com';",
          "  const { email, email_verified: verified } = event.user;",
          "  const roles = event.authorization?.roles ?? [];",
          "  const country = event.request?.geoip?.countryCode;",
          "  const plan = event.user.app_metadata?.plan ?? 'free';",
          "  if (!verified) {",
          "    api.access.deny('Please verify your email');",
          "    return;",
          "  }",
          "  api.accessToken.setCustomClaim(`${namespace}/roles`, roles);",
          "  api.accessToken.setCustomClaim(`${namespace}/email`, email);",
          "  api.accessToken.setCustomClaim(`${namespace}/plan`, `${plan}:${country}`);",
          "};",
          "");

  public static final ApiContract CONTRACT =
      ApiContract.of(
          List.of(
              ApiMethod.command("access.deny").param("reason", "string").effect(FlowEffect.STOP).records(),
              ApiMethod.command("accessToken.setCustomClaim").param("name", "string").param("value", "unknown").records(),
              ApiMethod.command("accessToken.addScope").param("scope", "string").records(),
              ApiMethod.command("idToken.setCustomClaim").param("name", "string").param("value", "unknown").records(),
              ApiMethod.command("user.setAppMetadata").param("name", "string").param("value", "unknown").records(),
              ApiMethod.command("user.setUserMetadata").param("name", "string").param("value", "unknown").records(),
              ApiMethod.command("transaction.setMetadata").param("key", "string").param("value", "unknown").records(),
              ApiMethod.command("redirect.sendUserTo").param("url", "string").records(),
              ApiMethod.query("cache.get").param("key", "string").does((call, args) -> null)));

  private BenchmarkAction() {}

  /** Writes the action and its event for the Node.js comparison: {@code <dir>/action.js, event.json}. */
  public static void main(String[] args) throws java.io.IOException {
    java.nio.file.Path dir = java.nio.file.Path.of(args.length > 0 ? args[0] : "benchmarks/node");
    java.nio.file.Files.writeString(dir.resolve("action.js"), CODE);
    java.nio.file.Files.writeString(dir.resolve("event.json"), dev.interlock.core.json.Json.write(event()) + "\n");
  }

  /** A post-login event of about 2.5 KB, as JSON values. */
  public static Map<String, Object> event() {
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("user_id", "auth0|64f1c0ffee0123456789abcd");
    user.put("email", "ada.lovelace@example.com");
    user.put("email_verified", true);
    user.put("name", "Ada Lovelace");
    user.put("given_name", "Ada");
    user.put("family_name", "Lovelace");
    user.put("nickname", "ada");
    user.put("picture", "https://s.gravatar.com/avatar/0123456789abcdef0123456789abcdef?s=480&r=pg&d=https%3A%2F%2Fcdn.auth0.com%2Favatars%2Fad.png");
    user.put("created_at", "2023-09-01T10:00:00.000Z");
    user.put("updated_at", "2025-01-15T08:30:00.000Z");
    user.put("last_password_reset", "2024-12-01T00:00:00.000Z");
    user.put("app_metadata", new LinkedHashMap<>(Map.of("plan", "pro", "roles", List.of("admin", "editor"), "tenant_id", "t_123")));
    user.put("user_metadata", new LinkedHashMap<>(Map.of("locale", "en-GB", "theme", "dark", "newsletter", true)));
    user.put("identities", List.of(new LinkedHashMap<>(Map.of(
        "connection", "Username-Password-Authentication", "provider", "auth0", "user_id", "64f1c0ffee0123456789abcd", "isSocial", false))));
    user.put("multifactor", List.of("guardian"));
    Map<String, Object> geoip = new LinkedHashMap<>();
    geoip.put("cityName", "London");
    geoip.put("continentCode", "EU");
    geoip.put("countryCode", "GB");
    geoip.put("countryCode3", "GBR");
    geoip.put("countryName", "United Kingdom");
    geoip.put("latitude", 51.5072);
    geoip.put("longitude", -0.1276);
    geoip.put("timeZone", "Europe/London");
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("ip", "203.0.113.42");
    request.put("method", "GET");
    request.put("hostname", "login.example.com");
    request.put("language", "en-GB,en;q=0.9");
    request.put("user_agent", "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_2) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15");
    request.put("geoip", geoip);
    request.put("query", new LinkedHashMap<>(Map.of("client_id", "abc123", "response_type", "code", "scope", "openid profile email", "state", "xyz")));
    request.put("body", new LinkedHashMap<>());
    Map<String, Object> transaction = new LinkedHashMap<>();
    transaction.put("id", "txn_0123456789");
    transaction.put("locale", "en");
    transaction.put("protocol", "oidc-basic-profile");
    transaction.put("requested_scopes", List.of("openid", "profile", "email", "offline_access"));
    transaction.put("acr_values", List.of());
    transaction.put("ui_locales", List.of("en"));
    transaction.put("redirect_uri", "https://app.example.com/callback");
    transaction.put("response_type", List.of("code"));
    transaction.put("metadata", new LinkedHashMap<>());
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("user", user);
    event.put("request", request);
    event.put("transaction", transaction);
    event.put("client", new LinkedHashMap<>(Map.of("client_id", "abc123", "name", "Example Dashboard", "metadata", Map.of("tier", "gold"))));
    event.put("connection", new LinkedHashMap<>(Map.of("id", "con_0123456789", "name", "Username-Password-Authentication", "strategy", "auth0", "metadata", Map.of())));
    event.put("organization", new LinkedHashMap<>(Map.of("id", "org_0123456789", "name", "acme", "display_name", "ACME Corp", "metadata", Map.of())));
    event.put("authorization", new LinkedHashMap<>(Map.of("roles", List.of("admin", "billing"))));
    event.put("authentication", new LinkedHashMap<>(Map.of("methods", List.of(Map.of("name", "pwd", "timestamp", "2025-01-15T08:30:00.000Z")))));
    event.put("stats", new LinkedHashMap<>(Map.of("logins_count", 42)));
    event.put("tenant", new LinkedHashMap<>(Map.of("id", "example-tenant")));
    event.put("resource_server", new LinkedHashMap<>(Map.of("identifier", "https://api.example.com")));
    event.put("secrets", new LinkedHashMap<>(Map.of("API_KEY", "k-0123456789")));
    event.put("configuration", new LinkedHashMap<>());
    return event;
  }

  /** An invocation with a fresh recording session, as the engine makes one per action. */
  public static Invocation invocation(Map<String, Object> event) {
    return new Invocation("onExecutePostLogin", event, new RecordingSession(), (level, message) -> {}, System.nanoTime() + 5_000_000_000L);
  }

  /** Records commands like the engine's session (without its validation and flow bookkeeping). */
  public static final class RecordingSession implements ApiSession {
    public final List<Command> commands = new ArrayList<>(4);

    @Override
    public ApiContract contract() {
      return CONTRACT;
    }

    @Override
    public Object invoke(ApiMethod method, List<Object> args) {
      commands.add(new Command(method.path(), args));
      return null;
    }

    @Override
    public void attachEventUpdater(EventUpdater updater) {}
  }

  /** Unused console sink, kept for readers looking for where output goes. */
  static final ActionConsole SILENT = (level, message) -> {};
}
