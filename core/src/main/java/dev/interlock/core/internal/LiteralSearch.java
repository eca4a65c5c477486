package dev.interlock.core.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds many literal patterns (each at least two characters) in one pass over a text: every
 * position's first two characters are looked up in a table of the patterns' first two characters,
 * and only the few patterns found there are compared. Built once per secret set; the scan costs
 * one table probe per character however many patterns there are.
 */
final class LiteralSearch {
  private final int mask;
  private final int shift;
  private final int[] keys;
  /** One bit per (hashed) first two characters of some pattern: most positions are ruled out by one load. */
  private final long[] firstTwo = new long[1024];
  /** Per slot, the patterns starting with that slot's two characters, longest first. */
  private final String[][] slots;

  LiteralSearch(Collection<String> patterns) {
    Map<Integer, List<String>> byBigram = new HashMap<>();
    for (String p : patterns) {
      if (p.length() >= 2) {
        byBigram.computeIfAbsent(bigram(p.charAt(0), p.charAt(1)), k -> new ArrayList<>()).add(p);
      }
    }
    int size = Integer.highestOneBit(Math.max(4, byBigram.size() * 4 - 1)) << 1;
    mask = size - 1;
    shift = 32 - Integer.numberOfTrailingZeros(size);
    keys = new int[size];
    slots = new String[size][];
    for (Map.Entry<Integer, List<String>> e : byBigram.entrySet()) {
      int slot = slotOf(e.getKey());
      while (slots[slot] != null) {
        slot = (slot + 1) & mask;
      }
      List<String> list = e.getValue();
      list.sort(Comparator.comparingInt(String::length).reversed());
      keys[slot] = e.getKey();
      int bit = filterBit(e.getKey());
      firstTwo[bit >>> 6] |= 1L << bit;
      slots[slot] = list.toArray(new String[0]);
    }
  }

  /** Adds to {@code found} the range of the longest pattern starting at each position of {@code text}. */
  void find(CharSequence text, Ranges found) {
    int n = text.length();
    for (int i = 0; i + 1 < n; i++) {
      int key = bigram(text.charAt(i), text.charAt(i + 1));
      int bit = filterBit(key);
      if ((firstTwo[bit >>> 6] & 1L << bit) == 0) {
        continue;
      }
      for (int slot = slotOf(key); slots[slot] != null; slot = (slot + 1) & mask) {
        if (keys[slot] == key) {
          for (String p : slots[slot]) {
            if (matchesAt(text, i, p)) {
              found.add(i, i + p.length());
              break;
            }
          }
          break;
        }
      }
    }
  }

  private static boolean matchesAt(CharSequence text, int at, String p) {
    int len = p.length();
    if (at + len > text.length()) {
      return false;
    }
    for (int k = 2; k < len; k++) {
      if (text.charAt(at + k) != p.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static int filterBit(int bigram) {
    return (bigram ^ bigram >>> 9) & 0xFFFF;
  }

  private static int bigram(char a, char b) {
    return a << 16 | b;
  }

  private int slotOf(int key) {
    return (key * 0x9E3779B9) >>> shift; // Fibonacci hashing: the product's high bits are well mixed
  }

  /** Ranges of a text to mask, merged where they touch or overlap. */
  static final class Ranges {
    private long[] spans; // allocated on the first match: most texts have none
    private int count;

    void add(int from, int to) {
      if (spans == null) {
        spans = new long[8];
      } else if (count == spans.length) {
        spans = Arrays.copyOf(spans, count * 2);
      }
      spans[count++] = (long) from << 32 | to;
    }

    boolean isEmpty() {
      return count == 0;
    }

    interface RangeConsumer {
      void accept(int from, int to);
    }

    void forEach(RangeConsumer each) {
      for (int i = 0; i < count; i++) {
        each.accept((int) (spans[i] >>> 32), (int) spans[i]);
      }
    }

    /** {@code text} with every range replaced by {@code mask}, overlapping and touching ranges as one. */
    String apply(String text, String mask) {
      if (count == 0) {
        return text;
      }
      Arrays.sort(spans, 0, count);
      StringBuilder out = new StringBuilder(text.length());
      int copied = 0;
      int i = 0;
      while (i < count) {
        int from = (int) (spans[i] >>> 32);
        int to = (int) spans[i];
        while (++i < count && (int) (spans[i] >>> 32) <= to) {
          to = Math.max(to, (int) spans[i]);
        }
        out.append(text, copied, from).append(mask);
        copied = to;
      }
      return out.append(text, copied, text.length()).toString();
    }
  }
}
