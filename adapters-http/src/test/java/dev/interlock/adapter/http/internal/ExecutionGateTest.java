package dev.interlock.adapter.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExecutionGateTest {

  @Test
  void runsNoMoreFlowsAtOnceThanItsConcurrency() throws Exception {
    ExecutionGate gate = new ExecutionGate(2, Duration.ofSeconds(30));
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(8);

    List<Future<Integer>> done = new ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) {
        int n = i;
        done.add(pool.submit(() -> gate.run(() -> {
          most.accumulateAndGet(running.incrementAndGet(), Math::max);
          Thread.onSpinWait();
          Thread.yield();
          running.decrementAndGet();
          return n;
        })));
      }
      for (int i = 0; i < 8; i++) {
        assertThat(done.get(i).get(30, TimeUnit.SECONDS)).isEqualTo(i);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(most.get()).isBetween(1, 2);
  }

  @Test
  void refusesWith503WhenEverySlotStaysBusyBeyondTheWait() throws Exception {
    ExecutionGate gate = new ExecutionGate(1, Duration.ofMillis(50));
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread holder = new Thread(() -> gate.run(() -> {
      holding.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return null;
    }));
    holder.start();
    holding.await();

    try {
      assertThatThrownBy(() -> gate.run(() -> "never"))
          .isInstanceOfSatisfying(ApiError.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.errorCode()).isEqualTo("engine_busy");
            assertThat(e.getMessage()).contains("execute.concurrency");
          });
    } finally {
      release.countDown();
      holder.join();
    }
  }

  @Test
  void runsEveryFlowAtOnceWithConcurrencyZero() throws Exception {
    ExecutionGate gate = new ExecutionGate(0, Duration.ofMillis(50));
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread holder = new Thread(() -> gate.run(() -> {
      holding.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return null;
    }));
    holder.start();
    holding.await();

    try {
      assertThat(gate.run(() -> "ran alongside")).isEqualTo("ran alongside");
    } finally {
      release.countDown();
      holder.join();
    }
  }

  @Test
  void freesTheSlotWhenTheFlowThrows() {
    ExecutionGate gate = new ExecutionGate(1, Duration.ofMillis(50));

    assertThatThrownBy(() -> gate.run(() -> {
      throw new IllegalStateException("boom");
    })).isInstanceOf(IllegalStateException.class);

    assertThat(gate.run(() -> "ran")).isEqualTo("ran");
  }
}
