package dev.interlock.core.memory;

import dev.interlock.core.execution.ExecutionId;
import dev.interlock.core.execution.ExecutionStatus;
import dev.interlock.core.port.ExecutionStore;
import dev.interlock.core.port.StoredExecution;
import java.time.Instant;
import java.util.Iterator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@link ExecutionStore} in memory, bounded: beyond {@code capacity} records the oldest finished
 * ones are dropped (suspended and pending ones are kept while space allows), so that a long-running
 * process does not grow without limit.
 */
public final class InMemoryExecutionStore implements ExecutionStore {
  /**
   * Default number of records kept: 10,000. A finished 2-action post-login record holds about 4 KB
   * of heap, so the default keeps ~40 MB; the former 100,000 (~400 MB) did not fit the 512 MB
   * heap of the load test and made its memory climb for the whole run.
   */
  public static final int DEFAULT_CAPACITY = 10_000;

  private final int capacity;
  // a lock that parks waiters: a contended monitor spins, and under 32 request threads on two cores
  // this store's monitor was the most contended one of the server, burning CPU while its owner waited
  // for a core
  private final ReentrantLock lock = new ReentrantLock();
  private final LinkedHashMap<ExecutionId, StoredExecution> byId = new LinkedHashMap<>();
  private final Map<String, ExecutionId> byState = new LinkedHashMap<>();

  public InMemoryExecutionStore() {
    this(DEFAULT_CAPACITY);
  }

  public InMemoryExecutionStore(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1");
    }
    this.capacity = capacity;
  }

  @Override
  public void save(StoredExecution execution) {
    lock.lock();
    try {
      ExecutionId id = execution.record().id();
      StoredExecution previous = byId.remove(id);
      if (previous != null && previous.record().continuation() != null) {
        byState.remove(previous.record().continuation().state());
      }
      byId.put(id, execution);
      if (execution.record().status() == ExecutionStatus.SUSPENDED && execution.record().continuation() != null) {
        byState.put(execution.record().continuation().state(), id);
      }
      evict();
    } finally {
      lock.unlock();
    }
  }

  private void evict() {
    Iterator<Map.Entry<ExecutionId, StoredExecution>> it = byId.entrySet().iterator();
    while (byId.size() > capacity && it.hasNext()) {
      StoredExecution e = it.next().getValue();
      ExecutionStatus s = e.record().status();
      if (byId.size() <= capacity * 2L && (s == ExecutionStatus.SUSPENDED || s == ExecutionStatus.PENDING)) {
        continue;
      }
      it.remove();
      if (e.record().continuation() != null) {
        byState.remove(e.record().continuation().state());
      }
    }
  }

  @Override
  public Optional<StoredExecution> find(ExecutionId id) {
    lock.lock();
    try {
      return Optional.ofNullable(byId.get(id));
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Optional<StoredExecution> findByState(String state) {
    lock.lock();
    try {
      ExecutionId id = byState.get(state);
      return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    } finally {
      lock.unlock();
    }
  }

  @Override
  public List<StoredExecution> pending() {
    lock.lock();
    try {
      List<StoredExecution> out = new ArrayList<>();
      for (StoredExecution e : byId.values()) {
        if (e.record().status() == ExecutionStatus.PENDING) {
          out.add(e);
        }
      }
      return out;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public boolean claim(StoredExecution claimed, Instant expectedUpdatedAt) {
    lock.lock();
    try {
      StoredExecution current = byId.get(claimed.record().id());
      if (current == null || current.record().status() != ExecutionStatus.PENDING) {
        return false;
      }
      Instant at = current.record().updatedAt();
      if (at == null ? expectedUpdatedAt != null : expectedUpdatedAt == null || at.toEpochMilli() != expectedUpdatedAt.toEpochMilli()) {
        return false;
      }
      save(claimed);
      return true;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public List<StoredExecution> exhausted() {
    lock.lock();
    try {
      List<StoredExecution> out = new ArrayList<>();
      for (StoredExecution e : byId.values()) {
        if (e.record().status() == ExecutionStatus.FAILED && e.snapshot() != null) {
          out.add(e);
        }
      }
      return out;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public int deleteUpdatedBefore(Instant cutoff) {
    lock.lock();
    try {
      int n = 0;
      Iterator<Map.Entry<ExecutionId, StoredExecution>> it = byId.entrySet().iterator();
      while (it.hasNext()) {
        StoredExecution e = it.next().getValue();
        if (e.record().updatedAt() != null && e.record().updatedAt().isBefore(cutoff)) {
          it.remove();
          if (e.record().continuation() != null) {
            byState.remove(e.record().continuation().state());
          }
          n++;
        }
      }
      return n;
    } finally {
      lock.unlock();
    }
  }
}
