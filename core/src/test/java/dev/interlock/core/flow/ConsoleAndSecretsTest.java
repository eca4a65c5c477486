package dev.interlock.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.EngineConfig;
import dev.interlock.core.execution.ActionResult;
import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.execution.ExecutionRecordJson;
import dev.interlock.core.execution.LogEntry;
import dev.interlock.core.javaaction.JavaAction;
import dev.interlock.core.port.ActionSource;
import dev.interlock.core.port.Invocation;
import dev.interlock.core.port.InvocationOutcome;
import dev.interlock.core.port.LoadedAction;
import dev.interlock.core.port.ScriptRuntime;
import dev.interlock.core.trigger.TriggerDefinition;
import dev.interlock.core.AdHocAction;
import dev.interlock.core.Interlock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ConsoleAndSecretsTest {

  /** A runtime whose "code" is lines to print, to drive the console through the real port. */
  private static final class PrintingRuntime implements ScriptRuntime {
    @Override
    public boolean supports(String runtime) {
      return runtime.equals("print");
    }

    @Override
    public LoadedAction load(ActionSource source, TriggerDefinition trigger) {
      return (Invocation inv) -> {
        for (String line : source.code().split("\n")) {
          String text = line.replace("$SECRET", String.valueOf(((Map<?, ?>) inv.event().get("secrets")).get("API_KEY")));
          inv.console().write("log", text);
        }
        return CompletableFuture.completedFuture(InvocationOutcome.SUCCESS);
      };
    }
  }

  private ActionResult runPrinting(EngineConfig config, String code) {
    try (Interlock engine = Interlock.builder().families(List.of(new TestFamily())).runtime(new PrintingRuntime()).config(config).build()) {
      AdHocAction action = new AdHocAction("printer", code, "print", Map.of("API_KEY", "sk_live_1234567890"), Map.of());
      return engine.executor().run(TestFamily.LOGIN, List.of(action), FlowHarness.event()).record().results().get(0);
    }
  }

  @Test
  void keepsConsoleOutputUpToTheCapAndReportsWhatWasDropped() {
    ActionResult r = runPrinting(EngineConfig.defaults().withLogLimitBytes(10), "12345\n67890\nover");

    assertThat(r.logs()).extracting(LogEntry::message).containsExactly("12345", "67890");
    assertThat(r.logsTruncated()).isTrue();
  }

  @Test
  void masksTheActionsSecretValuesInItsLogs() {
    ActionResult r = runPrinting(EngineConfig.defaults(), "key is $SECRET");

    assertThat(r.logs()).extracting(LogEntry::message).containsExactly("key is [secret]");
    assertThat(r.logsTruncated()).isFalse();
  }

  @Test
  void masksSecretValuesInErrorMessages() {
    try (FlowHarness h = new FlowHarness()) {
      JavaAction leaky = (e, api) -> {
        throw new IllegalStateException("bad key " + ((Map<?, ?>) e.get("secrets")).get("TOKEN"));
      };
      h.bind(TestFamily.LOGIN, "leaky", leaky, Map.of("TOKEN", "tok-abcdef"));

      ExecutionRecord r = h.login(FlowHarness.event()).record();

      String json = ExecutionRecordJson.write(r);
      assertThat(json).doesNotContain("tok-abcdef").contains("bad key [secret]");
    }
  }

  @Test
  void masksSecretValuesInRecordedCommandsButKeepsThemInTheOutcome() {
    try (FlowHarness h = new FlowHarness()) {
      h.bind(TestFamily.LOGIN, "claimer", (e, api) ->
          api.call("claims.set", "key", ((Map<?, ?>) e.get("secrets")).get("TOKEN")), Map.of("TOKEN", "tok-abcdef"));

      ExecutionRecord r = h.login(FlowHarness.event()).record();

      assertThat(r.results().get(0).commands().get(0).args()).containsExactly("key", "[secret]");
      assertThat(r.outcome()).isEqualTo(Map.of("claims", Map.of("key", "tok-abcdef")));
    }
  }
}
