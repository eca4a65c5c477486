package dev.interlock.core.json;

/**
 * The JavaScript value {@code undefined}, as distinct from JSON {@code null}.
 *
 * <p>Script runtimes pass it for absent arguments and for properties explicitly set to
 * {@code undefined}; api functions use it where Auth0 gives the two different meanings (for
 * example, {@code setUserMetadata(key, undefined)} withdraws a pending write, {@code null} deletes
 * the key). It never appears in an execution record: it serialises as {@code null}.
 */
public enum Undefined {
  VALUE;

  @Override
  public String toString() {
    return "undefined";
  }
}
