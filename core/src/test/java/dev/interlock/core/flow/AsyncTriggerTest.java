package dev.interlock.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.execution.ErrorCode;
import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.execution.ExecutionResult;
import dev.interlock.core.execution.ExecutionStatus;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AsyncTriggerTest {
  private final FlowHarness h = new FlowHarness();

  @AfterEach
  void close() {
    h.close();
  }

  @Test
  void anAsyncTriggerReturnsPendingAtOnceWhileTheFlowRunsOnTheWorkerPool() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch finished = new CountDownLatch(1);
    h.bind(TestFamily.SIGNUP, "waits", (e, api) -> {
      release.await(5, TimeUnit.SECONDS);
      finished.countDown();
    });

    ExecutionResult result = h.interlock.executor().execute(TestFamily.SIGNUP, FlowHarness.event());

    assertThat(result).isInstanceOf(ExecutionResult.Pending.class);
    assertThat(h.interlock.executor().find(result.record().id()).get().status()).isEqualTo(ExecutionStatus.PENDING);
    release.countDown();
    assertThat(finished.await(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aFailureInAnAsyncFlowIsRecordedLikeASyncOne() throws Exception {
    h.bind(TestFamily.SIGNUP, "boom", (e, api) -> {
      throw new IllegalArgumentException("no mail server");
    });

    ExecutionRecord r =
        h.interlock.executor().submit(TestFamily.SIGNUP, FlowHarness.event()).toCompletableFuture().get(5, TimeUnit.SECONDS).record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error().code()).isEqualTo(ErrorCode.ACTION_ERROR);
    assertThat(h.interlock.executor().find(r.id())).contains(r);
  }
}
