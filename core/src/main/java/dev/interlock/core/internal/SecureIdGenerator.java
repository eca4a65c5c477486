package dev.interlock.core.internal;

import dev.interlock.core.port.IdGenerator;
import java.security.SecureRandom;

/** Ids with 128 random bits in base62, from a {@link SecureRandom}: unguessable, URL-safe. */
public final class SecureIdGenerator implements IdGenerator {
  private static final char[] ALPHABET =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
  private final SecureRandom random = new SecureRandom();

  @Override
  public String newId(String prefix) {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    StringBuilder sb = new StringBuilder(prefix.length() + 24).append(prefix).append('_');
    java.math.BigInteger n = new java.math.BigInteger(1, bytes);
    java.math.BigInteger base = java.math.BigInteger.valueOf(62);
    char[] out = new char[22];
    for (int i = 21; i >= 0; i--) {
      java.math.BigInteger[] qr = n.divideAndRemainder(base);
      out[i] = ALPHABET[qr[1].intValue()];
      n = qr[0];
    }
    return sb.append(out).toString();
  }
}
