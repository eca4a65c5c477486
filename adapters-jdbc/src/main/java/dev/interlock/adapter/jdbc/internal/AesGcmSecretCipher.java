package dev.interlock.adapter.jdbc.internal;

import dev.interlock.core.PlatformException;
import dev.interlock.core.port.SecretCipher;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM with a random 96-bit nonce per value and the context (which row the value belongs
 * to) as associated data, so a ciphertext copied to another row does not decrypt. The key id is
 * stored in each ciphertext, which makes keys rotatable: {@code 0x01 | id length | id | nonce |
 * ciphertext+tag}.
 */
public final class AesGcmSecretCipher implements SecretCipher {
  private static final byte FORMAT = 1;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final KeyRing keys;
  private final SecureRandom random = new SecureRandom();

  public AesGcmSecretCipher(KeyRing keys) {
    this.keys = keys;
  }

  @Override
  public byte[] encrypt(byte[] plaintext, byte[] context) {
    javax.crypto.SecretKey key = keys.current();
    byte[] id = keys.currentId().getBytes(StandardCharsets.US_ASCII);
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      c.updateAAD(context);
      byte[] sealed = c.doFinal(plaintext);
      return ByteBuffer.allocate(2 + id.length + NONCE_BYTES + sealed.length)
          .put(FORMAT).put((byte) id.length).put(id).put(nonce).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new PlatformException("cannot encrypt a secret: " + e.getClass().getSimpleName(), null);
    }
  }

  @Override
  public byte[] decrypt(byte[] ciphertext, byte[] context) {
    String id = keyId(ciphertext);
    int offset = 2 + id.length();
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, keys.get(id), new GCMParameterSpec(TAG_BITS, ciphertext, offset, NONCE_BYTES));
      c.updateAAD(context);
      return c.doFinal(ciphertext, offset + NONCE_BYTES, ciphertext.length - offset - NONCE_BYTES);
    } catch (GeneralSecurityException e) {
      // no detail: the message must not help guess anything about the value
      throw new PlatformException("secret_key_mismatch", "stored secrets cannot be decrypted with key '" + id
          + "' (wrong key, or the data was altered)", null);
    }
  }

  /** The id of the key a ciphertext was made with. */
  public static String keyId(byte[] ciphertext) {
    if (ciphertext.length < 2 || ciphertext[0] != FORMAT || ciphertext.length < 2 + ciphertext[1] + NONCE_BYTES) {
      throw new PlatformException("stored secrets are not in a known format", null);
    }
    return new String(ciphertext, 2, ciphertext[1], StandardCharsets.US_ASCII);
  }

  /** True when the ciphertext was made with another key than the current one. */
  public boolean isStale(byte[] ciphertext) {
    return !keyId(ciphertext).equals(keys.currentId());
  }
}
