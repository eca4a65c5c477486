package dev.interlock.acceptance;

import static dev.interlock.acceptance.Acceptance.action;
import static dev.interlock.acceptance.Acceptance.logs;
import static dev.interlock.acceptance.Acceptance.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.EngineConfig;
import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.execution.ExecutionStatus;
import dev.interlock.core.port.UserDirectory;
import dev.interlock.testkit.EngineFixture;
import dev.interlock.trigger.signuplogin.PostLoginEvent;
import dev.interlock.trigger.signuplogin.SignupLoginFamily;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** api.roles / api.groups return promises backed by the engine's UserDirectory. */
class UserDirectoryAcceptanceTest {
  private final UserDirectory directory = new UserDirectory() {
    @Override
    public Map<String, Object> groups(String userId, Integer take, String from) {
      return Map.of("groups", List.of());
    }

    @Override
    public Map<String, Object> groupMemberships(String userId, List<String> groups) {
      return Map.of("memberships", List.of());
    }

    @Override
    public Map<String, Object> effectiveRoles(String userId, String organizationId, Integer take, String from) {
      return Map.of("roles", List.of("admin", "support"));
    }

    @Override
    public Map<String, Object> effectiveRolesByIds(String userId, String organizationId, List<String> ids) {
      return Map.of("roles", ids);
    }

    @Override
    public Map<String, Object> effectiveRolesByNames(String userId, String organizationId, List<String> names) {
      return Map.of("roles", names.subList(0, 1));
    }
  };

  @Test
  void awaitsRolesFromTheDirectoryAndRejectsInvalidArgumentsAsAPromise() {
    try (EngineFixture engine = EngineFixture.of(EngineConfig.defaults(), InstantSource.system(),
        List.of(Acceptance.rhino()), directory, new SignupLoginFamily())) {

      ExecutionRecord r = run(engine, "post-login", PostLoginEvent.builder().build(),
          action("post-login", "roles-from-directory")).record();

      assertThat(r.status()).isEqualTo(ExecutionStatus.COMPLETED);
      assertThat(r.commands().get(0).args()).containsExactly("https://example.com/roles", List.of("admin", "support"));
      assertThat(logs(r, "roles-from-directory")).containsExactly("effective: admin", "rejected: RangeError");
    }
  }

  /** A directory that answers over the network: its stages complete later, on its own threads. */
  private final UserDirectory remote = new UserDirectory() {
    private UnsupportedOperationException sync() {
      return new UnsupportedOperationException("the engine uses the async methods");
    }

    @Override
    public Map<String, Object> groups(String userId, Integer take, String from) {
      throw sync();
    }

    @Override
    public Map<String, Object> groupMemberships(String userId, List<String> groups) {
      throw sync();
    }

    @Override
    public Map<String, Object> effectiveRoles(String userId, String organizationId, Integer take, String from) {
      throw sync();
    }

    @Override
    public Map<String, Object> effectiveRolesByIds(String userId, String organizationId, List<String> ids) {
      throw sync();
    }

    @Override
    public Map<String, Object> effectiveRolesByNames(String userId, String organizationId, List<String> names) {
      throw sync();
    }

    @Override
    public CompletionStage<Map<String, Object>> effectiveRolesAsync(
        String userId, String organizationId, Integer take, String from) {
      return CompletableFuture.supplyAsync(() -> Map.of("roles", List.of("admin", "support")),
          CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));
    }

    @Override
    public CompletionStage<Map<String, Object>> effectiveRolesByNamesAsync(
        String userId, String organizationId, List<String> names) {
      return CompletableFuture.failedFuture(new IllegalStateException("directory down"));
    }
  };

  @Test
  void awaitsADirectoryThatAnswersLaterAndRejectsWithItsFailure() {
    try (EngineFixture engine = EngineFixture.of(EngineConfig.defaults(), InstantSource.system(),
        List.of(Acceptance.rhino()), remote, new SignupLoginFamily())) {

      ExecutionRecord r = run(engine, "post-login", PostLoginEvent.builder().build(),
          action("post-login", "roles-from-slow-directory")).record();

      assertThat(r.status()).as(String.valueOf(r.error())).isEqualTo(ExecutionStatus.COMPLETED);
      assertThat(r.commands().get(0).args()).containsExactly("https://example.com/roles", List.of("admin", "support"));
      assertThat(logs(r, "roles-from-slow-directory"))
          .containsExactly("Error: api.roles.getUserEffectiveRolesByNames failed: directory down");
    }
  }
}
