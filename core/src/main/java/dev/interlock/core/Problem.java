package dev.interlock.core;

import java.util.Objects;

/**
 * One thing wrong with an input, and where: a JSON path such as {@code $.user.app_metadata} for
 * events and request bodies, a field name for other values, or {@code line:column} in a script.
 */
public record Problem(String path, String message) {
  public Problem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return path + ": " + message;
  }
}
