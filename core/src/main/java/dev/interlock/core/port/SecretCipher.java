package dev.interlock.core.port;

/**
 * Driven port: encrypts secret values before a store writes them and decrypts them when a version
 * is loaded. Stores that keep secrets only in memory need none.
 */
public interface SecretCipher {
  /** Ciphertext of {@code plaintext}, bound to {@code context} (such as the action id). */
  byte[] encrypt(byte[] plaintext, byte[] context);

  byte[] decrypt(byte[] ciphertext, byte[] context);
}
