package dev.interlock.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interlock.adapter.jdbc.internal.KeyRing;
import dev.interlock.core.ConflictException;
import dev.interlock.core.EngineConfig;
import dev.interlock.core.Interlock;
import dev.interlock.core.NotFoundException;
import dev.interlock.core.action.RetryPolicy;
import dev.interlock.core.admin.ActionAdministration;
import dev.interlock.core.admin.ActionView;
import dev.interlock.core.admin.BindingRequest;
import dev.interlock.core.admin.DraftChange;
import dev.interlock.core.admin.NewAction;
import dev.interlock.core.execution.ExecutionId;
import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.execution.ExecutionResult;
import dev.interlock.core.execution.ExecutionStatus;
import dev.interlock.core.javaaction.JavaActionRuntime;
import dev.interlock.core.port.FlowSnapshot;
import dev.interlock.core.port.StoredExecution;
import dev.interlock.testkit.SampleFamily;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle on a real database, run against SQLite and PostgreSQL: what survives a restart,
 * what two engines on one database see, concurrency, secrets at rest, recovery and retention.
 */
abstract class DurableLifecycleContract {
  protected final TestDatabases databases = new TestDatabases();
  private final List<Interlock> engines = new ArrayList<>();
  protected final List<String> signups = new CopyOnWriteArrayList<>();
  protected final JavaActionRuntime java = new JavaActionRuntime()
      .register("claim-v1", (event, api) -> api.call("claims.set", "v", "1"))
      .register("claim-v2", (event, api) -> api.call("claims.set", "v", "2"))
      .register("record-signup", (event, api) -> {
        @SuppressWarnings("unchecked")
        Map<String, Object> user = (Map<String, Object>) event.get("user");
        signups.add((String) user.get("user_id"));
      });

  /** Configuration of the database called {@code name}; the same name means the same database. */
  protected abstract JdbcConfig config(String name);

  @AfterEach
  void closeAll() {
    engines.forEach(Interlock::close);
    databases.close();
  }

  protected JdbcStores open(String name) {
    return databases.track(JdbcStores.open(config(name).withChangePollInterval(Duration.ofMillis(50))));
  }

  protected Interlock engine(JdbcStores stores) {
    return engine(stores, InstantSource.system());
  }

  protected Interlock engine(JdbcStores stores, InstantSource clock) {
    Interlock i = Interlock.builder().families(List.of(new SampleFamily())).runtime(java)
        .stores(stores.actions(), stores.bindings(), stores.executions()).clock(clock)
        .config(EngineConfig.defaults().withFlowTimeout(Duration.ofSeconds(5)))
        .build();
    engines.add(i);
    return i;
  }

  protected static ActionView deployAndBind(ActionAdministration admin, String code) {
    ActionView a = admin.create(NewAction.of("claims", SampleFamily.LOGIN, code).withRuntime("java").deployed());
    admin.replaceBindings(SampleFamily.LOGIN, List.of(BindingRequest.of(a.id())), admin.bindings(SampleFamily.LOGIN).revision());
    return a;
  }

  protected static Object claim(Interlock engine) {
    ExecutionResult r = engine.executor().execute(SampleFamily.LOGIN, Map.of("user", Map.of("user_id", "u1")));
    @SuppressWarnings("unchecked")
    Map<String, Object> claims = (Map<String, Object>) r.outcome().get("claims");
    return claims.get("v");
  }

  protected static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(20);
    }
  }

  protected Connection raw(String name) throws SQLException {
    JdbcConfig c = config(name);
    Properties p = new Properties();
    if (c.user() != null) {
      p.setProperty("user", c.user());
    }
    if (c.password() != null) {
      p.setProperty("password", c.password());
    }
    return DriverManager.getConnection(c.url(), p);
  }

  @Test
  void deployedAndBoundActionsSurviveARestart() {
    JdbcStores first = open("db");
    ActionView a = deployAndBind(engine(first).administration(), "claim-v1");
    first.close();

    Interlock restarted = engine(open("db"));

    assertThat(claim(restarted)).isEqualTo("1");
    assertThat(restarted.administration().get(a.id()).deployedVersion()).isEqualTo(1);
    assertThat(restarted.administration().bindings(SampleFamily.LOGIN).bindings()).hasSize(1);
  }

  @Test
  void anotherEngineOnTheSameDatabaseRunsANewDeployAfterItsNextPoll() throws Exception {
    Interlock nodeA = engine(open("shared"));
    Interlock nodeB = engine(open("shared"));
    ActionView a = deployAndBind(nodeA.administration(), "claim-v1");
    assertThat(claim(nodeB)).isEqualTo("1");

    nodeA.administration().updateDraft(a.id(), DraftChange.code("claim-v2"), null);
    nodeA.administration().deploy(a.id(), null);

    assertThat(claim(nodeA)).isEqualTo("2");
    await("node B runs version 2", () -> "2".equals(claim(nodeB)));
  }

  @Test
  void theHotPathRunsFromTheEngineCacheUntilTheChangeCounterMoves() throws Exception {
    JdbcStores stores = open("cache");
    Interlock engine = engine(stores);
    deployAndBind(engine.administration(), "claim-v1");
    stores.pollChanges(); // the poller has seen this node's own changes: no invalidation is due
    assertThat(claim(engine)).isEqualTo("1");

    try (Connection c = raw("cache"); Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM bindings"); // behind the engine's back, without bumping the counter
    }
    Object cached = claim(engine);
    try (Connection c = raw("cache"); Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE change_counter SET counter = counter + 1");
    }

    assertThat(cached).isEqualTo("1");
    await("the engine reads the bindings again", () -> claim(engine) == null);
  }

  @Test
  void concurrentEditsBasedOnTheSameRevisionLetExactlyOneWin() throws Exception {
    ActionAdministration admin = engine(open("race")).administration();
    ActionView a = admin.create(NewAction.of("claims", SampleFamily.LOGIN, "claim-v1").withRuntime("java"));
    int writers = 6;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<Future<String>> results = new ArrayList<>();
    for (int i = 0; i < writers; i++) {
      String name = "writer-" + i;
      results.add(pool.submit(() -> {
        start.await();
        try {
          admin.updateDraft(a.id(), DraftChange.none().withName(name), a.revision());
          return "won";
        } catch (ConflictException e) {
          return "lost";
        }
      }));
    }
    start.countDown();
    List<String> outcomes = new ArrayList<>();
    for (Future<String> f : results) {
      outcomes.add(f.get(30, TimeUnit.SECONDS));
    }
    pool.shutdown();

    assertThat(outcomes).containsOnlyOnce("won");
    assertThat(admin.get(a.id()).revision()).isEqualTo(a.revision() + 1);
  }

  @Test
  void aBindingChangeBasedOnAStaleRevisionIsRefusedAndChangesNothing() {
    ActionAdministration admin = engine(open("bind")).administration();
    ActionView a = deployAndBind(admin, "claim-v1");

    assertThatThrownBy(() -> admin.replaceBindings(SampleFamily.LOGIN, List.of(), 0)).isInstanceOf(ConflictException.class);
    assertThat(admin.bindings(SampleFamily.LOGIN).bindings()).extracting(b -> b.action()).containsExactly(a.id());
  }

  @Test
  void storesSecretValuesOnlyEncrypted() throws Exception {
    ActionAdministration admin = engine(open("secrets")).administration();
    admin.create(NewAction.of("s", SampleFamily.LOGIN, "claim-v1").withRuntime("java")
        .withSecrets(Map.of("API_KEY", "plain-hunter2")).deployed());

    List<String> stored = new ArrayList<>();
    try (Connection c = raw("secrets"); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT secrets FROM actions UNION ALL SELECT secrets FROM action_versions")) {
      while (rs.next()) {
        stored.add(rs.getString(1));
      }
    }

    assertThat(stored).hasSize(2).allSatisfy(v -> assertThat(v).isNotNull().doesNotContain("hunter2").doesNotContain("API_KEY"));
  }

  @Test
  void rotatesTheSecretKeyByReencryptingUnderTheNewestKey() {
    String k1 = KeyRing.newKeyLine("k1");
    String k2 = KeyRing.newKeyLine("k2");
    JdbcStores before = databases.track(JdbcStores.open(config("rotate").withKeys(k1)));
    ActionView a = engine(before).administration().create(NewAction.of("s", SampleFamily.LOGIN, "claim-v1")
        .withRuntime("java").withSecrets(Map.of("API_KEY", "v")).deployed());
    before.close();

    JdbcStores both = databases.track(JdbcStores.open(config("rotate").withKeys(k1 + "\n" + k2)));
    int reencrypted = both.reencryptSecrets();
    both.close();
    JdbcStores after = databases.track(JdbcStores.open(config("rotate").withKeys(k2)));

    assertThat(reencrypted).isEqualTo(2);
    assertThat(after.actions().find(a.id()).orElseThrow().draft().secrets().reveal()).isEqualTo(Map.of("API_KEY", "v"));
    assertThat(after.actions().version(a.id(), 1).orElseThrow().secrets().reveal()).isEqualTo(Map.of("API_KEY", "v"));
  }

  @Test
  void anAcceptedAsyncExecutionIsStoredWithItsEventBeforeItIsAcknowledged() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    java.register("slow", (event, api) -> {
      try {
        release.await(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    JdbcStores stores = open("async");
    Interlock engine = engine(stores);
    ActionView a = engine.administration().create(NewAction.of("slow", SampleFamily.SIGNUP, "slow").withRuntime("java").deployed());
    engine.administration().replaceBindings(SampleFamily.SIGNUP, List.of(BindingRequest.of(a.id())), 0);

    ExecutionResult accepted = engine.executor().execute(SampleFamily.SIGNUP, Map.of("user", Map.of("user_id", "u7")));
    StoredExecution stored = stores.executions().find(accepted.record().id()).orElseThrow();
    release.countDown();

    assertThat(accepted).isInstanceOf(ExecutionResult.Pending.class);
    assertThat(stored.record().status()).isEqualTo(ExecutionStatus.PENDING);
    assertThat(stored.snapshot().event()).containsEntry("user", Map.of("user_id", "u7"));
    await("the execution completes", () -> engine.executor().find(accepted.record().id())
        .map(r -> r.status() == ExecutionStatus.COMPLETED).orElse(false));
  }

  @Test
  void runsAnAcceptedAsyncExecutionThatAPreviousProcessLeftPendingExactlyOnceAcrossNodes() throws Exception {
    JdbcStores stores = open("recover");
    ActionView a;
    try (Interlock setup = Interlock.builder().families(List.of(new SampleFamily())).runtime(java)
        .stores(stores.actions(), stores.bindings(), stores.executions()).build()) {
      a = setup.administration().create(NewAction.of("rec", SampleFamily.SIGNUP, "record-signup").withRuntime("java").deployed());
    }
    // what Engine.execute stores before acknowledging, left behind by a process that died an hour ago
    Instant now = Instant.now().minus(Duration.ofHours(1));
    ExecutionRecord pending = new ExecutionRecord(new ExecutionId("exec_left_behind"), SampleFamily.SIGNUP, "v1",
        ExecutionStatus.PENDING, now, now, 0, null, List.of(), Map.of(), null);
    stores.executions().save(new StoredExecution(pending, new FlowSnapshot(Map.of("user", Map.of("user_id", "u9")),
        Map.of(), List.of(new FlowSnapshot.ActionRef(a.id().value(), "rec", 1, null)), 0, false)));

    Interlock restarted = engine(stores);
    Interlock secondNode = engine(open("recover"));

    assertThat(restarted.recoveredExecutions()).isEqualTo(1);
    await("the left-behind execution completes", () -> restarted.executor().find(pending.id())
        .map(r -> r.status() == ExecutionStatus.COMPLETED).orElse(false));
    restarted.close();
    secondNode.close(); // both engines' recovery attempts have ended: one claimed it, the other lost
    assertThat(signups).containsExactly("u9");
  }

  @Test
  void prunesExecutionRecordsOlderThanTheRetention() {
    JdbcStores stores = open("retention");
    Instant now = Instant.parse("2026-03-01T00:00:00Z");
    Interlock engine = engine(stores, () -> now);
    for (String id : List.of("exec_old", "exec_new")) {
      Instant updated = id.equals("exec_old") ? now.minus(Duration.ofDays(11)) : now.minus(Duration.ofDays(9));
      stores.executions().save(new StoredExecution(new ExecutionRecord(new ExecutionId(id), SampleFamily.LOGIN, "v1",
          ExecutionStatus.COMPLETED, updated, updated, 1, null, List.of(), Map.of(), null), null));
    }

    int pruned = engine.pruneExecutions();

    assertThat(pruned).isEqualTo(1);
    assertThat(engine.executor().find(new ExecutionId("exec_old"))).isEmpty();
    assertThat(engine.executor().find(new ExecutionId("exec_new"))).isPresent();
  }

  @Test
  void appliesEachMigrationOnceAndRecordsIt() throws Exception {
    JdbcStores first = open("migrate");
    List<Integer> firstRun = first.migrationsApplied();
    first.close();
    JdbcStores second = open("migrate");

    assertThat(firstRun).containsExactly(1, 2);
    assertThat(second.migrationsApplied()).isEmpty();
    assertThat(appliedVersions("migrate")).containsExactly(1, 2);
  }

  @Test
  void upgradesADatabaseThatAnOlderReleaseCreated() throws Exception {
    open("old").close();
    try (Connection c = raw("old"); Statement s = c.createStatement()) {
      // what version 1 of the schema looked like
      s.executeUpdate("ALTER TABLE bindings DROP COLUMN retry");
      s.executeUpdate("DELETE FROM schema_version WHERE version = 2");
    }

    JdbcStores upgraded = open("old");

    assertThat(upgraded.migrationsApplied()).containsExactly(2);
    assertThat(appliedVersions("old")).containsExactly(1, 2);
    assertThat(upgraded.bindings().get(SampleFamily.LOGIN).bindings()).isEmpty();
  }

  private List<Integer> appliedVersions(String name) throws SQLException {
    List<Integer> versions = new ArrayList<>();
    try (Connection c = raw(name); PreparedStatement p = c.prepareStatement("SELECT version FROM schema_version ORDER BY version");
        ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        versions.add(rs.getInt(1));
      }
    }
    return versions;
  }

  @Test
  void exhaustedExecutionsAreListedAfterARestartAndCanBeDeliveredAgain() throws Exception {
    java.util.concurrent.atomic.AtomicBoolean healthy = new java.util.concurrent.atomic.AtomicBoolean(false);
    java.register("flaky", (event, api) -> {
      if (!healthy.get()) {
        throw new IllegalStateException("downstream unavailable");
      }
      signups.add("delivered");
    });
    JdbcStores first = open("retry");
    Interlock engine = engine(first);
    ActionView a = engine.administration().create(
        NewAction.of("flaky", SampleFamily.SIGNUP, "flaky").withRuntime("java").deployed());
    engine.administration().replaceBindings(SampleFamily.SIGNUP,
        List.of(BindingRequest.of(a.id()).withRetry(RetryPolicy.exponential(2, Duration.ofMillis(5)))), 0);
    ExecutionId id = engine.executor().execute(SampleFamily.SIGNUP, Map.of("user", Map.of("user_id", "u1"))).record().id();
    await("the attempts are used up", () -> !engine.administration().exhaustedExecutions().isEmpty());

    Interlock restarted = engine(open("retry"));
    List<ExecutionRecord> exhausted = restarted.administration().exhaustedExecutions();
    healthy.set(true);
    restarted.administration().redeliver(id);

    assertThat(exhausted).extracting(ExecutionRecord::id).containsExactly(id);
    assertThat(restarted.executor().find(new ExecutionId(id.value() + "-attempt-2"))).isPresent();
    await("the redelivery completes", () -> restarted.executor().find(id)
        .map(r -> r.status() == ExecutionStatus.COMPLETED).orElse(false));
    assertThat(signups).containsExactly("delivered");
    assertThat(restarted.executor().find(id).orElseThrow().status()).isEqualTo(ExecutionStatus.COMPLETED);
  }

  @Test
  void forcedDeleteUnbindsAndDeletesInTheDatabase() {
    ActionAdministration admin = engine(open("delete")).administration();
    ActionView a = deployAndBind(admin, "claim-v1");

    admin.delete(a.id(), true);

    assertThat(admin.bindings(SampleFamily.LOGIN).bindings()).isEmpty();
    assertThat(admin.list(Optional.empty())).isEmpty();
    assertThatThrownBy(() -> admin.versions(a.id())).isInstanceOf(NotFoundException.class);
  }
}
