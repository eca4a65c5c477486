package dev.interlock.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.interlock.adapter.micrometer.MicrometerModule;
import dev.interlock.adapter.rhino.RhinoConfig;
import dev.interlock.adapter.rhino.RhinoModule;
import dev.interlock.core.AdHocAction;
import dev.interlock.core.EngineConfig;
import dev.interlock.core.TriggerExecutor;
import dev.interlock.core.execution.ExecutionResult;
import dev.interlock.core.trigger.TriggerId;
import dev.interlock.trigger.signuplogin.PostLoginEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's library example, compiled and run; the README must show this code verbatim. */
class ReadmeExampleTest {
  private final List<String> printed = new ArrayList<>();

  private void println(String line) {
    printed.add(line);
  }

  // README-EXAMPLE-START
  void example() {
    // Choose the modules: the engine (in-memory stores unless a store module is added),
    // the sandboxed JavaScript runtime, and metrics.
    Injector injector = Guice.createInjector(
        new CoreModule(EngineConfig.defaults()),
        new RhinoModule(RhinoConfig.defaults()),
        new MicrometerModule(new SimpleMeterRegistry()));
    TriggerExecutor executor = injector.getInstance(TriggerExecutor.class);

    // An action exactly as written for Auth0.
    String code = """
        exports.onExecutePostLogin = async (event, api) => {
          if (!event.user.email_verified) {
            return api.access.deny('Please verify your email first.');
          }
          api.accessToken.setCustomClaim('https://example.com/roles', event.authorization?.roles ?? []);
        };
        """;

    // The event your identity service has; the builder fills in realistic defaults.
    Map<String, Object> event = PostLoginEvent.builder()
        .user(u -> u.email("jane@example.com").emailVerified(false))
        .build();

    ExecutionResult result = executor.run(
        TriggerId.of("post-login"), List.of(AdHocAction.javascript("verified-email-only", code)), event);

    // Apply the outcome: the result is a sealed type, one variant per status.
    if (result instanceof ExecutionResult.Denied denied) {
      println("denied: " + denied.outcome().get("access"));
    } else if (result instanceof ExecutionResult.Completed completed) {
      println("claims: " + completed.outcome().get("access_token"));
    } else if (result instanceof ExecutionResult.Failed failed) {
      println("failed: " + failed.error().message());
    }
  }
  // README-EXAMPLE-END

  @Test
  void theLibraryExampleRunsAndDeniesAnUnverifiedUser() {
    example();

    assertThat(printed).hasSize(1);
    assertThat(printed.get(0)).startsWith("denied: ").contains("Please verify your email first.");
  }

  @Test
  void theReadmeShowsTheExampleVerbatim() throws IOException {
    String source = Files.readString(Path.of("src/test/java/dev/interlock/wiring/ReadmeExampleTest.java"));
    String start = "  void example() {\n";
    String end = "\n  }\n  // README-EXAMPLE-END";
    String body = source.substring(source.indexOf(start) + start.length(), source.indexOf(end));
    String readme = Files.readString(Path.of("../README.md"));

    assertThat(readme).contains(body.stripIndent().strip());
  }
}
