package dev.interlock.core.port;

/**
 * Driven port: new identifiers and unguessable tokens. The default draws from {@link
 * java.security.SecureRandom}; tests substitute a predictable one.
 */
public interface IdGenerator {
  /** A new id such as {@code exec_2x8K...}: the prefix, an underscore and random characters. */
  String newId(String prefix);
}
