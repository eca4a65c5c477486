package dev.interlock.core.trigger;

import java.util.regex.Pattern;

/** Identifier of a trigger, such as {@code post-login}. */
public record TriggerId(String value) {
  private static final Pattern FORM = Pattern.compile("[a-z][a-z0-9-]{0,63}");

  public TriggerId {
    if (value == null || !FORM.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "trigger id must be lower-case letters, digits and dashes, got '" + value + "'");
    }
  }

  public static TriggerId of(String value) {
    return new TriggerId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
