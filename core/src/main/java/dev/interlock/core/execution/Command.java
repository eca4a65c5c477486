package dev.interlock.core.execution;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An intent recorded by an api call: {@code name} is the api path without {@code api.} (such as
 * {@code accessToken.setCustomClaim}) and {@code args} the JSON values the script passed.
 */
public record Command(String name, List<Object> args) {
  public Command {
    Objects.requireNonNull(name, "name");
    args = Collections.unmodifiableList(new ArrayList<>(args));
  }

  public static Command of(String name, Object... args) {
    return new Command(name, java.util.Arrays.asList(args));
  }

  /** The argument at {@code i}, or {@code null} when absent. */
  public Object arg(int i) {
    return i < args.size() ? args.get(i) : null;
  }
}
