package dev.interlock.core.execution;

/** Identifier of an execution, {@code exec_...}. */
public record ExecutionId(String value) {
  public ExecutionId {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("execution id must not be blank");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
