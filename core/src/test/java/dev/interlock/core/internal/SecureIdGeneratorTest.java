package dev.interlock.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SecureIdGeneratorTest {
  private static final String ALPHABET =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  @Test
  void encodesTheBitsAsTheSameBase62DigitsAsBigIntegerDivision() {
    Random random = new Random(42);
    for (int n = 0; n < 1000; n++) {
      byte[] bytes = new byte[16];
      random.nextBytes(bytes);
      if (n == 0) {
        java.util.Arrays.fill(bytes, (byte) 0xFF);
      } else if (n == 1) {
        java.util.Arrays.fill(bytes, (byte) 0);
      }

      String id = SecureIdGenerator.encode("exec", bytes);

      assertThat(id).isEqualTo("exec_" + reference(bytes));
    }
  }

  @Test
  void generatesDistinctPrefixedIdsOf22Base62Characters() {
    SecureIdGenerator ids = new SecureIdGenerator();

    String a = ids.newId("act");
    String b = ids.newId("act");

    assertThat(a).matches("act_[0-9A-Za-z]{22}");
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void generatesDistinctIdsOnManyThreadsAtOnce() throws Exception {
    SecureIdGenerator ids = new SecureIdGenerator();
    java.util.Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);

    try {
      java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
      for (int t = 0; t < 8; t++) {
        done.add(pool.submit(() -> {
          for (int i = 0; i < 2000; i++) {
            seen.add(ids.newId("exec"));
          }
        }));
      }
      for (java.util.concurrent.Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(seen).hasSize(8 * 2000).allMatch(id -> id.matches("exec_[0-9A-Za-z]{22}"));
  }

  private static String reference(byte[] bytes) {
    BigInteger n = new BigInteger(1, bytes);
    BigInteger base = BigInteger.valueOf(62);
    char[] out = new char[22];
    for (int i = 21; i >= 0; i--) {
      BigInteger[] qr = n.divideAndRemainder(base);
      out[i] = ALPHABET.charAt(qr[1].intValue());
      n = qr[0];
    }
    return new String(out);
  }
}
