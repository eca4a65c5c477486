package dev.interlock.core.action;

/** Identifier of an action, {@code act_...}. */
public record ActionId(String value) {
  public ActionId {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("action id must not be blank");
    }
  }

  public static ActionId of(String value) {
    return new ActionId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
