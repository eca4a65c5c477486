package dev.interlock.core.internal;

import dev.interlock.core.port.IdGenerator;
import java.security.SecureRandom;

/**
 * Ids with 128 random bits in base62, from a {@link SecureRandom}: unguessable, URL-safe.
 *
 * <p>Each thread draws from its own generator, a DRBG seeded from the platform's entropy source
 * when the thread first asks. One shared {@code new SecureRandom()} (NativePRNG on Linux) reads
 * {@code /dev/urandom} under a process-wide lock on every call: under concurrent load it was the
 * most contended monitor of the server (an id per execution).
 */
public final class SecureIdGenerator implements IdGenerator {
  private static final char[] ALPHABET =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
  private final ThreadLocal<SecureRandom> random = ThreadLocal.withInitial(SecureIdGenerator::generator);

  private static SecureRandom generator() {
    try {
      return SecureRandom.getInstance("DRBG");
    } catch (java.security.NoSuchAlgorithmException e) {
      return new SecureRandom(); // a JDK without DRBG (it is standard since 9): the default, shared lock and all
    }
  }

  @Override
  public String newId(String prefix) {
    byte[] bytes = new byte[16];
    random.get().nextBytes(bytes);
    return encode(prefix, bytes);
  }

  /** {@code prefix_} and the 16 bytes as an unsigned number in 22 base62 digits. */
  static String encode(String prefix, byte[] bytes) {
    StringBuilder sb = new StringBuilder(prefix.length() + 23).append(prefix).append('_');
    // the 128-bit number as four unsigned 32-bit limbs, most significant first, divided by 62 with
    // long arithmetic: the same digits as BigInteger division without its allocations
    long[] limbs = new long[4];
    for (int i = 0; i < 4; i++) {
      limbs[i] =
          ((bytes[4 * i] & 0xFFL) << 24)
              | ((bytes[4 * i + 1] & 0xFFL) << 16)
              | ((bytes[4 * i + 2] & 0xFFL) << 8)
              | (bytes[4 * i + 3] & 0xFFL);
    }
    char[] out = new char[22];
    for (int i = 21; i >= 0; i--) {
      long rem = 0;
      for (int j = 0; j < 4; j++) {
        long cur = (rem << 32) | limbs[j];
        limbs[j] = cur / 62;
        rem = cur % 62;
      }
      out[i] = ALPHABET[(int) rem];
    }
    return sb.append(out).toString();
  }
}
