package dev.interlock.core.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interlock.core.Interlock;
import dev.interlock.core.InvalidRequestException;
import dev.interlock.core.Problem;
import dev.interlock.core.action.RetryPolicy;
import dev.interlock.core.admin.ActionAdministration;
import dev.interlock.core.admin.ActionView;
import dev.interlock.core.admin.BindingRequest;
import dev.interlock.core.admin.NewAction;
import dev.interlock.core.execution.ExecutionId;
import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.execution.ExecutionStatus;
import dev.interlock.core.javaaction.JavaActionRuntime;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AsyncRetryTest {
  private final AtomicInteger calls = new AtomicInteger();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private final AtomicBoolean healthy = new AtomicBoolean(true);
  private final JavaActionRuntime java = new JavaActionRuntime()
      .register("flaky", (event, api) -> {
        calls.incrementAndGet();
        if (failuresLeft.getAndDecrement() > 0 || !healthy.get()) {
          throw new IllegalStateException("downstream unavailable");
        }
      })
      .register("claims", (event, api) -> { });
  private final Interlock interlock =
      Interlock.builder().families(List.of(new TestFamily())).runtime(java).build();
  private final ActionAdministration admin = interlock.administration();

  @AfterEach
  void close() {
    interlock.close();
  }

  private ExecutionId signupWith(RetryPolicy policy) {
    ActionView a = admin.create(NewAction.of("flaky", TestFamily.SIGNUP, "flaky").withRuntime("java").deployed());
    admin.replaceBindings(TestFamily.SIGNUP, List.of(BindingRequest.of(a.id()).withRetry(policy)), 0);
    return interlock.executor().execute(TestFamily.SIGNUP, FlowHarness.event()).record().id();
  }

  private Optional<ExecutionRecord> record(String id) {
    return interlock.executor().find(new ExecutionId(id));
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(10);
    }
  }

  @Test
  void retriesAFailingAsyncActionWithBackoffAndRecordsEveryAttempt() throws Exception {
    failuresLeft.set(2);

    ExecutionId id = signupWith(RetryPolicy.exponential(3, Duration.ofMillis(10)));

    await("the third attempt completes", () -> record(id.value()).map(r -> r.status() == ExecutionStatus.COMPLETED).orElse(false));
    assertThat(calls).hasValue(3);
    assertThat(record(id.value() + "-attempt-1")).map(ExecutionRecord::status).contains(ExecutionStatus.FAILED);
    assertThat(record(id.value() + "-attempt-2")).map(ExecutionRecord::status).contains(ExecutionStatus.FAILED);
    assertThat(record(id.value() + "-attempt-3")).isEmpty();
    assertThat(admin.exhaustedExecutions()).isEmpty();
  }

  @Test
  void listsAnExecutionThatExhaustedItsAttemptsAndDeliversItAgain() throws Exception {
    healthy.set(false);
    ExecutionId id = signupWith(RetryPolicy.exponential(2, Duration.ofMillis(5)));
    await("the attempts are used up", () -> !admin.exhaustedExecutions().isEmpty());
    assertThat(admin.exhaustedExecutions()).extracting(ExecutionRecord::id).containsExactly(id);
    assertThat(calls).hasValue(2);

    healthy.set(true);
    admin.redeliver(id);

    await("the redelivery completes", () -> record(id.value()).map(r -> r.status() == ExecutionStatus.COMPLETED).orElse(false));
    assertThat(calls).hasValue(3);
    assertThat(admin.exhaustedExecutions()).isEmpty();
  }

  @Test
  void withoutAPolicyAFailedAsyncExecutionIsTriedOnce() throws Exception {
    healthy.set(false);

    ExecutionId id = signupWith(RetryPolicy.NONE);

    await("the execution fails", () -> record(id.value()).map(r -> r.status() == ExecutionStatus.FAILED).orElse(false));
    assertThat(calls).hasValue(1);
    assertThat(record(id.value() + "-attempt-1")).isEmpty();
    assertThat(admin.exhaustedExecutions()).isEmpty();
  }

  @Test
  void refusesARetryPolicyOnASyncTrigger() {
    ActionView a = admin.create(NewAction.of("claims", TestFamily.LOGIN, "claims").withRuntime("java").deployed());

    assertThatThrownBy(() -> admin.replaceBindings(TestFamily.LOGIN,
            List.of(BindingRequest.of(a.id()).withRetry(RetryPolicy.exponential(3, Duration.ofSeconds(1)))), 0))
        .isInstanceOfSatisfying(InvalidRequestException.class,
            e -> assertThat(e.problems()).extracting(Problem::path).containsExactly("bindings[0].retry"));
  }

  @Test
  void backsOffExponentiallyUpToTheMaximum() {
    RetryPolicy p = new RetryPolicy(10, Duration.ofMillis(100), 2, Duration.ofMillis(500));

    assertThat(List.of(p.backoffBefore(2), p.backoffBefore(3), p.backoffBefore(4), p.backoffBefore(5)))
        .containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(500));
  }
}
