package dev.interlock.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.ActionDefinitionException;
import dev.interlock.core.AdHocAction;
import dev.interlock.core.EngineConfig;
import dev.interlock.core.Interlock;
import dev.interlock.core.execution.ActionResult;
import dev.interlock.core.execution.ErrorCode;
import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.execution.ExecutionRecordJson;
import dev.interlock.core.execution.ScriptError;
import dev.interlock.core.javaaction.JavaActionRuntime;
import dev.interlock.core.port.ActionSource;
import dev.interlock.core.port.ExecutionObserver;
import dev.interlock.core.port.InvocationOutcome;
import dev.interlock.core.port.LoadedAction;
import dev.interlock.core.port.ScriptRuntime;
import dev.interlock.core.trigger.ApiCallException;
import dev.interlock.core.trigger.TriggerDefinition;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Secret values and their encoded forms, through the engine: commands, errors of every kind, the record. */
class SecretMaskingTest {
  private static final String SECRET = "sk_live_51Hq8ZtAbCdEfGh";
  private static final Map<String, String> SECRETS = Map.of("KEY", SECRET);
  private static final String B64 = Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8));
  private static final String HEX = HexFormat.of().formatHex(SECRET.getBytes(StandardCharsets.UTF_8));

  private static String secretOf(Map<String, Object> event) {
    return (String) ((Map<?, ?>) event.get("secrets")).get("KEY");
  }

  private static void assertNoSecretIn(ExecutionRecord r) {
    // the outcome keeps what the action deliberately passed on: checked on its own where it matters
    ExecutionRecord withoutOutcome = new ExecutionRecord(r.id(), r.triggerId(), r.triggerVersion(), r.status(),
        r.createdAt(), r.updatedAt(), r.durationMs(), r.error(), r.results(), Map.of(), r.continuation());
    String json = ExecutionRecordJson.write(withoutOutcome);
    assertThat(json).doesNotContain(SECRET).doesNotContain(B64).doesNotContain(HEX).doesNotContain(HEX.toUpperCase());
  }

  @Test
  void masksEncodedSecretsInCommandArgumentsAndKeysButKeepsThemInTheOutcome() {
    try (FlowHarness h = new FlowHarness()) {
      h.bind(TestFamily.LOGIN, "claimer", (e, api) -> {
        String s = secretOf(e);
        api.call("claims.set", "basic", "Basic " + Base64.getEncoder().encodeToString(("client:" + s).getBytes(StandardCharsets.UTF_8)));
        api.call("user.setAppMetadata", "k", Map.of(HexFormat.of().formatHex(s.getBytes(StandardCharsets.UTF_8)), List.of(s)));
      }, SECRETS);

      ExecutionRecord r = h.login(FlowHarness.event()).record();

      assertThat(r.results().get(0).commands().get(0).args().get(1)).asString().startsWith("Basic ").contains("[secret]");
      assertThat(r.results().get(0).commands().get(1).args()).containsExactly("k", Map.of("[secret]", List.of("[secret]")));
      assertNoSecretIn(r);
      assertThat(r.outcome().toString()).contains(Base64.getEncoder().encodeToString(("client:" + SECRET).getBytes(StandardCharsets.UTF_8)));
    }
  }

  @Test
  void masksASecretUsedAsTheErrorNameInTheActionsErrorAndTheFlowsMessage() {
    try (FlowHarness h = new FlowHarness()) {
      h.bind(TestFamily.LOGIN, "namer", (e, api) -> {
        throw new ApiCallException(secretOf(e), "see " + HexFormat.of().withUpperCase().formatHex(secretOf(e).getBytes(StandardCharsets.UTF_8)));
      }, SECRETS);

      ExecutionRecord r = h.login(FlowHarness.event()).record();

      assertThat(r.results().get(0).error().name()).isEqualTo("[secret]");
      assertThat(r.results().get(0).error().message()).isEqualTo("see [secret]");
      assertThat(r.error().message()).isEqualTo("Action 'namer' failed: [secret]: see [secret]");
      assertNoSecretIn(r);
    }
  }

  /** Fails every invocation with {@code code}, naming the error after the secret and showing its base64. */
  private static final class FailingRuntime implements ScriptRuntime {
    private final ErrorCode code;

    FailingRuntime(ErrorCode code) {
      this.code = code;
    }

    @Override
    public boolean supports(String runtime) {
      return runtime.equals(JavaActionRuntime.RUNTIME);
    }

    @Override
    public LoadedAction load(ActionSource source, TriggerDefinition trigger) {
      if (code == ErrorCode.ACTION_LOAD) {
        throw new ActionDefinitionException("module secret " + SECRET + " rejected");
      }
      return inv -> {
        String s = secretOf(inv.event());
        if (code == ErrorCode.PLATFORM_ERROR) {
          throw new IllegalStateException("runtime broke on " + s);
        }
        String b64 = Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
        return CompletableFuture.completedFuture(
            new InvocationOutcome.Failure(code, new ScriptError(s, "over with " + b64, s + ": over\n    at (failer:3)")));
      };
    }
  }

  @ParameterizedTest
  @EnumSource(value = ErrorCode.class, names = {"ACTION_ERROR", "ACTION_LIMIT", "ACTION_TIMEOUT", "ACTION_LOAD", "PLATFORM_ERROR"})
  void masksSecretsInFailuresOfEveryKind(ErrorCode code) {
    try (FlowHarness h = new FlowHarness(EngineConfig.defaults(), new FailingRuntime(code))) {
      h.bind(TestFamily.LOGIN, "failer", (e, api) -> {}, SECRETS);

      ExecutionRecord r = h.login(FlowHarness.event()).record();

      assertThat(r.error().code()).isEqualTo(code);
      assertThat(r.error().message()).contains("[secret]");
      assertNoSecretIn(r);
    }
  }

  @Test
  void masksSecretsInTheRecordOfAnAsyncFlow() throws Exception {
    try (FlowHarness h = new FlowHarness()) {
      h.bind(TestFamily.SIGNUP, "boom", (e, api) -> {
        throw new ApiCallException(secretOf(e), "no mail server at " + secretOf(e));
      }, SECRETS);

      ExecutionRecord r = h.interlock.executor().submit(TestFamily.SIGNUP, FlowHarness.event())
          .toCompletableFuture().get(5, TimeUnit.SECONDS).record();

      assertThat(r.error().message()).isEqualTo("Action 'boom' failed: [secret]: no mail server at [secret]");
      assertNoSecretIn(r);
      assertNoSecretIn(h.interlock.executor().find(r.id()).orElseThrow());
    }
  }

  @Test
  void handsObserversTheResultWithItsSecretsMasked() {
    List<ActionResult> observed = new ArrayList<>();
    JavaActionRuntime java = new JavaActionRuntime()
        .register("claimer", (e, api) -> api.call("claims.set", "k", secretOf(e)));
    ExecutionObserver observer = new ExecutionObserver() {
      @Override
      public void actionFinished(TriggerDefinition trigger, ActionResult result) {
        observed.add(result);
      }
    };
    try (Interlock engine = Interlock.builder().families(List.of(new TestFamily())).runtime(java).observer(observer).build()) {
      AdHocAction action = new AdHocAction("claimer", "claimer", JavaActionRuntime.RUNTIME, SECRETS, Map.of());

      engine.executor().run(TestFamily.LOGIN, List.of(action), FlowHarness.event());

      assertThat(observed).singleElement().satisfies(a -> assertThat(a.commands().get(0).args()).containsExactly("k", "[secret]"));
    }
  }
}
