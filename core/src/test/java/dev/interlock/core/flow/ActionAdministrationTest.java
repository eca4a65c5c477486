package dev.interlock.core.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interlock.core.ActionDefinitionException;
import dev.interlock.core.ConflictException;
import dev.interlock.core.Interlock;
import dev.interlock.core.InvalidRequestException;
import dev.interlock.core.Problem;
import dev.interlock.core.action.ActionId;
import dev.interlock.core.admin.ActionAdministration;
import dev.interlock.core.admin.ActionView;
import dev.interlock.core.admin.AdministrationLimits;
import dev.interlock.core.admin.BindingRequest;
import dev.interlock.core.admin.DraftChange;
import dev.interlock.core.admin.NewAction;
import dev.interlock.core.admin.VersionView;
import dev.interlock.core.execution.Command;
import dev.interlock.core.execution.ExecutionResult;
import dev.interlock.core.javaaction.JavaActionRuntime;
import dev.interlock.core.memory.InMemoryActionStore;
import dev.interlock.core.memory.InMemoryBindingStore;
import dev.interlock.core.memory.InMemoryExecutionStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ActionAdministrationTest {
  private final JavaActionRuntime java = new JavaActionRuntime()
      .register("claim-v1", (event, api) -> api.call("claims.set", "v", "1"))
      .register("claim-v2", (event, api) -> api.call("claims.set", "v", "2"))
      .register("claim-secret", (event, api) -> {
        @SuppressWarnings("unchecked")
        Map<String, Object> secrets = (Map<String, Object>) event.get("secrets");
        api.call("claims.set", "key", secrets.get("KEY"));
      });
  private final InMemoryActionStore actions = new InMemoryActionStore();
  private final Interlock interlock = Interlock.builder()
      .families(List.of(new TestFamily()))
      .runtime(java)
      .stores(actions, new InMemoryBindingStore(actions), new InMemoryExecutionStore())
      .limits(AdministrationLimits.auth0().withMaxVersions(3))
      .build();
  private final ActionAdministration admin = interlock.administration();

  @AfterEach
  void close() {
    interlock.close();
  }

  private static NewAction javaAction(String name, String code) {
    return NewAction.of(name, TestFamily.LOGIN, code).withRuntime("java");
  }

  private ActionView deployedAndBound(String name, String code) {
    ActionView a = admin.create(javaAction(name, code).deployed());
    admin.replaceBindings(TestFamily.LOGIN, List.of(BindingRequest.of(a.id())), admin.bindings(TestFamily.LOGIN).revision());
    return a;
  }

  private List<Command> login() {
    return interlock.executor().execute(TestFamily.LOGIN, FlowHarness.event()).record().commands();
  }

  @Test
  void createsADraftThatDoesNotRunUntilDeployedAndBound() {
    ActionView a = admin.create(javaAction("claims", "claim-v1"));

    assertThat(a.deployedVersion()).isNull();
    assertThat(admin.versions(a.id())).isEmpty();
    assertThat(login()).isEmpty();
  }

  @Test
  void returnsSecretNamesButNeverTheirValues() {
    ActionView a = admin.create(javaAction("s", "claim-secret").withSecrets(Map.of("KEY", "hunter2")));

    assertThat(a.secretNames()).containsExactly("KEY");
    assertThat(a.toString()).doesNotContain("hunter2");
    assertThat(javaAction("s", "x").withSecrets(Map.of("KEY", "hunter2")).toString()).doesNotContain("hunter2");
    assertThat(DraftChange.none().withSecrets(Map.of("KEY", "hunter2")).toString()).doesNotContain("hunter2");
  }

  private static Map<String, String> elevenDependencies() {
    Map<String, String> deps = new java.util.LinkedHashMap<>();
    for (int i = 0; i < 11; i++) {
      deps.put("dep" + i, "1.0.0");
    }
    return deps;
  }

  @Test
  void reportsEveryInvalidFieldWithItsPathAndCreatesNothing() {
    NewAction bad = new NewAction(" ", TestFamily.LOGIN, "x".repeat(100 * 1024 + 1), "java",
        elevenDependencies(),
        Map.of("HAS SPACE", "v", "LONG", "x".repeat(4097)), false);

    assertThatThrownBy(() -> admin.create(bad))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.problems()).extracting(Problem::path)
              .containsExactlyInAnyOrder("name", "code", "dependencies", "secrets.HAS SPACE", "secrets.LONG");
          assertThat(e.describe()).doesNotContain("x".repeat(4097));
        });
    assertThat(admin.list(Optional.empty())).isEmpty();
  }

  @Test
  void editingTheDraftLeavesTheDeployedVersionRunningUntilTheNextDeploy() {
    ActionView a = deployedAndBound("claims", "claim-v1");

    ActionView edited = admin.updateDraft(a.id(), DraftChange.code("claim-v2"), null);
    List<Command> beforeDeploy = login();
    VersionView v2 = admin.deploy(a.id(), edited.revision());
    List<Command> afterDeploy = login();

    assertThat(edited.allChangesDeployed()).isFalse();
    assertThat(beforeDeploy).containsExactly(Command.of("claims.set", "v", "1"));
    assertThat(v2.number()).isEqualTo(2);
    assertThat(afterDeploy).containsExactly(Command.of("claims.set", "v", "2"));
    assertThat(admin.get(a.id()).allChangesDeployed()).isTrue();
  }

  @Test
  void refusesToDeployCodeThatDoesNotLoadAndChangesNothing() {
    ActionView a = deployedAndBound("claims", "claim-v1");
    admin.updateDraft(a.id(), DraftChange.code("not-registered"), null);
    long revision = admin.get(a.id()).revision();

    assertThatThrownBy(() -> admin.deploy(a.id(), null))
        .isInstanceOfSatisfying(ActionDefinitionException.class,
            e -> assertThat(e.problems()).extracting(Problem::path).contains("code"));

    assertThat(admin.versions(a.id())).hasSize(1);
    assertThat(admin.get(a.id()).revision()).isEqualTo(revision);
    assertThat(login()).containsExactly(Command.of("claims.set", "v", "1"));
  }

  @Test
  void rollsBackByDeployingACopyOfAnOlderVersionAsANewVersion() {
    ActionView a = deployedAndBound("claims", "claim-v1");
    admin.updateDraft(a.id(), DraftChange.code("claim-v2"), null);
    admin.deploy(a.id(), null);

    VersionView v3 = admin.rollback(a.id(), 1, false, null);

    assertThat(v3.number()).isEqualTo(3);
    assertThat(v3.code()).isEqualTo("claim-v1");
    assertThat(admin.versions(a.id())).extracting(VersionView::number).containsExactly(3, 2, 1);
    assertThat(admin.versions(a.id())).filteredOn(VersionView::deployed).extracting(VersionView::number).containsExactly(3);
    assertThat(admin.get(a.id()).code()).isEqualTo("claim-v2");
    assertThat(login()).containsExactly(Command.of("claims.set", "v", "1"));
  }

  @Test
  void eachVersionKeepsTheSecretsItWasDeployedWith() {
    ActionView a = admin.create(javaAction("s", "claim-secret").withSecrets(Map.of("KEY", "old")).deployed());
    admin.replaceBindings(TestFamily.LOGIN, List.of(BindingRequest.of(a.id())), 0);

    admin.updateDraft(a.id(), DraftChange.none().withSecrets(Map.of("KEY", "new")), null);
    List<Command> beforeDeploy = login();
    admin.deploy(a.id(), null);

    assertThat(beforeDeploy).containsExactly(Command.of("claims.set", "key", "old"));
    assertThat(login()).containsExactly(Command.of("claims.set", "key", "new"));
  }

  @Test
  void keepsASecretsValueWhenAnUpdateNamesItWithoutAValue() {
    ActionView a = admin.create(javaAction("s", "claim-secret").withSecrets(Map.of("KEY", "kept", "GONE", "x")));
    java.util.Map<String, String> keep = new java.util.HashMap<>();
    keep.put("KEY", null);

    admin.updateDraft(a.id(), DraftChange.none().withSecrets(keep), null);

    assertThat(admin.get(a.id()).secretNames()).containsExactly("KEY");
    assertThat(admin.test(a.id(), null, FlowHarness.event()).record().outcome())
        .isEqualTo(Map.of("claims", Map.of("key", "kept")));
  }

  @Test
  void aChangeBasedOnAStaleRevisionLosesWithAConflict() {
    ActionView a = admin.create(javaAction("claims", "claim-v1"));
    admin.updateDraft(a.id(), DraftChange.none().withName("first writer"), a.revision());

    assertThatThrownBy(() -> admin.updateDraft(a.id(), DraftChange.none().withName("second writer"), a.revision()))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> admin.deploy(a.id(), a.revision())).isInstanceOf(ConflictException.class);
    assertThat(admin.get(a.id()).name()).isEqualTo("first writer");
  }

  @Test
  void refusesToDeleteABoundActionUnlessForcedWhichAlsoUnbindsIt() {
    ActionView a = deployedAndBound("claims", "claim-v1");

    assertThatThrownBy(() -> admin.delete(a.id(), false)).isInstanceOf(ConflictException.class);
    assertThat(login()).hasSize(1);

    admin.delete(a.id(), true);

    assertThat(admin.bindings(TestFamily.LOGIN).bindings()).isEmpty();
    assertThat(admin.list(Optional.empty())).isEmpty();
    assertThat(login()).isEmpty();
  }

  @Test
  void bindsOnlyDeployedActionsOfTheTriggerAndReportsEveryProblem() {
    ActionView draftOnly = admin.create(javaAction("draft", "claim-v1"));
    ActionView otherTrigger = admin.create(NewAction.of("signup", TestFamily.SIGNUP, "claim-v1").withRuntime("java"));

    assertThatThrownBy(() -> admin.replaceBindings(TestFamily.LOGIN, List.of(
            BindingRequest.of(draftOnly.id()), BindingRequest.of(otherTrigger.id()), BindingRequest.of(ActionId.of("act_missing"))), 0))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
            .extracting(Problem::path).containsExactly("bindings[0].action", "bindings[1].action", "bindings[1].action", "bindings[2].action"));
    assertThat(admin.bindings(TestFamily.LOGIN).bindings()).isEmpty();
  }

  @Test
  void replacesTheOrderedBindingsAtomicallyAndRunsThemInOrder() {
    ActionView one = admin.create(javaAction("one", "claim-v1").deployed());
    ActionView two = admin.create(javaAction("two", "claim-v2").deployed());

    admin.replaceBindings(TestFamily.LOGIN, List.of(BindingRequest.of(two.id()), BindingRequest.of(one.id())), 0);

    assertThat(login()).containsExactly(Command.of("claims.set", "v", "2"), Command.of("claims.set", "v", "1"));
    assertThatThrownBy(() -> admin.replaceBindings(TestFamily.LOGIN, List.of(), 0)).isInstanceOf(ConflictException.class);
  }

  @Test
  void testsADraftAgainstAnEventWithoutBindingIt() {
    ActionView a = admin.create(javaAction("claims", "claim-v2"));

    ExecutionResult result = admin.test(a.id(), null, FlowHarness.event());

    assertThat(result.record().commands()).containsExactly(Command.of("claims.set", "v", "2"));
    assertThat(admin.bindings(TestFamily.LOGIN).bindings()).isEmpty();
  }

  @Test
  void deployingBeyondTheVersionCapRemovesTheOldestUnusedVersion() {
    ActionView a = admin.create(javaAction("claims", "claim-v1").deployed());
    admin.deploy(a.id(), null);
    admin.deploy(a.id(), null);

    admin.deploy(a.id(), null);

    assertThat(admin.versions(a.id())).extracting(VersionView::number).containsExactly(4, 3, 2);
  }

  @Test
  void refusesToCreateMoreActionsThanTheLimit() {
    try (Interlock small = Interlock.builder().families(List.of(new TestFamily())).runtime(java)
        .limits(AdministrationLimits.auth0().withMaxActions(1)).build()) {
      small.administration().create(javaAction("one", "claim-v1"));

      assertThatThrownBy(() -> small.administration().create(javaAction("two", "claim-v1")))
          .isInstanceOf(ConflictException.class);
    }
  }
}
