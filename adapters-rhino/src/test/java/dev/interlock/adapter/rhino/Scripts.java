package dev.interlock.adapter.rhino;

import dev.interlock.core.AdHocAction;
import dev.interlock.core.EngineConfig;
import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.execution.ExecutionResult;
import dev.interlock.core.port.ScriptRuntime;
import dev.interlock.core.trigger.TriggerId;
import dev.interlock.testkit.EngineFixture;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test helper: one Rhino runtime per JVM (building it takes a second) and an engine on top. */
final class Scripts {
  static final ScriptRuntime RUNTIME = RhinoRuntimes.create(RhinoConfig.defaults());

  private Scripts() {}

  static EngineFixture engine() {
    return engine(EngineConfig.defaults(), RUNTIME);
  }

  static EngineFixture engine(EngineConfig config, ScriptRuntime runtime) {
    return EngineFixture.of(config, InstantSource.system(), List.of(runtime), new TestFamily());
  }

  static String resource(String name) {
    try (InputStream in = Scripts.class.getResourceAsStream("/actions/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test action " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ExecutionResult run(EngineFixture engine, String code, Map<String, String> secrets, Map<String, Object> event) {
    AdHocAction action = new AdHocAction("test-action", code, "node22", secrets, Map.of());
    return engine.interlock().executor().run(TriggerId.of(TestFamily.TRIGGER), List.of(action), event);
  }

  static ExecutionRecord run(EngineFixture engine, String code) {
    return run(engine, code, Map.of(), Events.login()).record();
  }

  /** Test-data builder for post-login-like events. */
  static final class Events {
    private Events() {}

    static Map<String, Object> login() {
      Map<String, Object> user = new LinkedHashMap<>();
      user.put("user_id", "auth0|123");
      user.put("email", "ada@example.com");
      user.put("email_verified", true);
      user.put("name", "Ada Lovelace");
      user.put("logins_count", 7L);
      user.put("app_metadata", new LinkedHashMap<>(Map.of("roles", List.of("admin", "editor"), "plan", "pro")));
      user.put("user_metadata", new LinkedHashMap<>(Map.of("locale", "en")));
      Map<String, Object> event = new LinkedHashMap<>();
      event.put("user", user);
      event.put("client", new LinkedHashMap<>(Map.of("client_id", "cli_1", "name", "Dashboard", "metadata", Map.of("tier", "gold"))));
      event.put("connection", new LinkedHashMap<>(Map.of("id", "con_1", "name", "Username-Password-Authentication", "strategy", "auth0")));
      event.put("request", new LinkedHashMap<>(Map.of("ip", "203.0.113.9", "method", "GET", "geoip", Map.of("countryCode", "GB"), "query", Map.of())));
      event.put("transaction", new LinkedHashMap<>(Map.of("requested_scopes", List.of("openid", "profile"), "metadata", new LinkedHashMap<>())));
      event.put("organization", new LinkedHashMap<>(Map.of("id", "org_1", "name", "acme", "display_name", "ACME")));
      event.put("authorization", new LinkedHashMap<>(Map.of("roles", List.of("admin"))));
      event.put("stats", new LinkedHashMap<>(Map.of("logins_count", 7L)));
      event.put("tenant", Map.of("id", "dev-tenant"));
      return event;
    }
  }
}
