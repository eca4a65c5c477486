package dev.interlock.core.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.json.Json;
import dev.interlock.core.trigger.TriggerId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExecutionRecordJsonTest {
  private final Instant t = Instant.parse("2026-01-01T00:00:00Z");
  private final ExecutionRecord record =
      new ExecutionRecord(
          new ExecutionId("exec_1"), TriggerId.of("post-login"), "v3", ExecutionStatus.SUSPENDED, t, t, 0.4215,
          null,
          List.of(new ActionResult("act_1", "add-roles", 3, "onExecutePostLogin", ActionStatus.SUSPENDED, t, t, 0.11,
              List.of(Command.of("accessToken.setCustomClaim", "https://example.com/roles", List.of("admin"))),
              List.of(new LogEntry("log", "hello")), false, null)),
          Map.of("access_token", Map.of()),
          new Continuation("state_x", "https://idv.example.com?state=state_x", "onContinuePostLogin", Map.of()));

  @Test
  void writesTheSharedRecordShapeWithItsFieldNames() {
    Map<String, Object> json = ExecutionRecordJson.toJson(record);

    assertThat(json).containsOnlyKeys("id", "trigger_id", "trigger_version", "status", "created_at", "updated_at",
        "duration_ms", "error", "results", "outcome", "continuation");
    @SuppressWarnings("unchecked")
    Map<String, Object> result = (Map<String, Object>) ((List<?>) json.get("results")).get(0);
    assertThat(result).containsKeys("action_id", "action_name", "version", "handler", "status", "started_at",
        "ended_at", "duration_ms", "commands", "logs", "error");
    assertThat(json.get("status")).isEqualTo("suspended");
    assertThat(json.get("duration_ms")).isEqualTo(0.422);
    assertThat(((Map<?, ?>) json.get("continuation")).get("resume_handler")).isEqualTo("onContinuePostLogin");
  }

  @Test
  void readsBackWhatItWrote() {
    String text = ExecutionRecordJson.write(record);

    ExecutionRecord back = ExecutionRecordJson.fromJson(Json.parseObject(text));

    assertThat(ExecutionRecordJson.write(back)).isEqualTo(text);
  }

  @Test
  void writesInstantsExactlyAsInstantToStringDoes() {
    java.util.Random random = new java.util.Random(7);
    List<Instant> samples = new java.util.ArrayList<>(List.of(
        Instant.EPOCH, Instant.parse("2000-02-29T23:59:59Z"), Instant.parse("2026-12-31T23:59:59.999999999Z"),
        Instant.parse("9999-12-31T23:59:59.5Z"), Instant.parse("+10000-01-01T00:00:00Z"),
        Instant.parse("1969-12-31T23:59:59.123Z"), Instant.parse("2026-03-01T00:00:00.000120Z")));
    for (int n = 0; n < 5000; n++) {
      long seconds = (long) (random.nextDouble() * 253_402_300_800L);
      int nano;
      switch (n % 4) {
        case 0: nano = 0; break;
        case 1: nano = random.nextInt(1000) * 1_000_000; break;
        case 2: nano = random.nextInt(1_000_000) * 1000; break;
        default: nano = random.nextInt(1_000_000_000);
      }
      samples.add(Instant.ofEpochSecond(seconds, nano));
    }

    for (Instant i : samples) {
      assertThat(ExecutionRecordJson.iso(i)).as(i.toString()).isEqualTo(i.toString());
    }
  }
}
