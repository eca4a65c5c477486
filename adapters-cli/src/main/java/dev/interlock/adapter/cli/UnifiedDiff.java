package dev.interlock.adapter.cli;

import java.util.ArrayList;
import java.util.List;

/** Line-based unified diff (longest common subsequence, three lines of context). */
final class UnifiedDiff {
  private static final int CONTEXT = 3;

  private UnifiedDiff() {}

  /** The diff, or an empty string when both texts are equal. */
  static String of(String fromName, String from, String toName, String to) {
    List<String> a = lines(from);
    List<String> b = lines(to);
    int n = a.size();
    int m = b.size();
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    // edit script: ' ' keep, '-' remove, '+' add, with positions in a and b
    List<char[]> ops = new ArrayList<>();
    List<int[]> pos = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a.get(i).equals(b.get(j))) {
        ops.add(new char[] {' '});
        pos.add(new int[] {i++, j++});
      } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
        ops.add(new char[] {'-'});
        pos.add(new int[] {i++, j});
      } else {
        ops.add(new char[] {'+'});
        pos.add(new int[] {i, j++});
      }
    }
    StringBuilder sb = new StringBuilder();
    int k = 0;
    while (k < ops.size()) {
      if (ops.get(k)[0] == ' ') {
        k++;
        continue;
      }
      int start = Math.max(0, k - CONTEXT);
      int end = k;
      // extend the hunk while changes are closer than twice the context
      int lastChange = k;
      while (end < ops.size()) {
        if (ops.get(end)[0] != ' ') {
          lastChange = end;
        } else if (end - lastChange > 2 * CONTEXT) {
          break;
        }
        end++;
      }
      end = Math.min(ops.size(), lastChange + CONTEXT + 1);
      if (sb.length() == 0) {
        sb.append("--- ").append(fromName).append('\n').append("+++ ").append(toName).append('\n');
      }
      int aStart = pos.get(start)[0];
      int bStart = pos.get(start)[1];
      int aLen = 0;
      int bLen = 0;
      StringBuilder body = new StringBuilder();
      for (int x = start; x < end; x++) {
        char op = ops.get(x)[0];
        int[] p = pos.get(x);
        String line = op == '+' ? b.get(p[1]) : a.get(p[0]);
        if (op != '+') {
          aLen++;
        }
        if (op != '-') {
          bLen++;
        }
        body.append(op).append(line).append('\n');
      }
      sb.append("@@ -").append(range(aStart, aLen)).append(" +").append(range(bStart, bLen)).append(" @@\n");
      sb.append(body);
      k = end;
    }
    return sb.toString();
  }

  private static String range(int start, int len) {
    return (len == 0 ? start : start + 1) + "," + len;
  }

  private static List<String> lines(String text) {
    List<String> out = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    for (String l : text.split("\n", -1)) {
      out.add(l);
    }
    if (text.endsWith("\n")) {
      out.remove(out.size() - 1);
    }
    return out;
  }
}
