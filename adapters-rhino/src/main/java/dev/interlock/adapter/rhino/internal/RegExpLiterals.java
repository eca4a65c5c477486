package dev.interlock.adapter.rhino.internal;

import com.google.javascript.jscomp.CompilerOptions;
import com.google.javascript.jscomp.CompilerOptions.LanguageMode;
import com.google.javascript.jscomp.SourceFile;
import com.google.javascript.rhino.Node;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands ES2018 regular expressions to Rhino instead of the transpiler. Closure (the Java 17
 * release) refuses to lower named groups ({@code (?<name>...)}), lookbehind ({@code (?<=...)},
 * {@code (?<!...)}), Unicode property escapes ({@code \p{L}}) and the {@code s} flag, while
 * Rhino 1.9's RegExp supports all of them. Such literals are rewritten in the source to {@code new
 * RegExp("pattern", "flags")} before transpiling: same line (so positions keep pointing at the
 * author's line), same matching, and {@code match.groups} and {@code $<name>} replacements work
 * as in Node.
 */
final class RegExpLiterals {
  /** Something that may be a literal's flags with {@code s}; a cheap filter before parsing. */
  private static final java.util.regex.Pattern S_FLAG = java.util.regex.Pattern.compile("/[dgimuvy]*s[dgimuvy]*\\b");

  private RegExpLiterals() {}

  /** The source with every ES2018 regular-expression literal turned into a RegExp call. */
  static String rewrite(String source) {
    if (!source.contains("(?<") && !source.contains("\\p{") && !source.contains("\\P{")
        && !S_FLAG.matcher(source).find()) {
      return source;
    }
    Node root;
    try {
      com.google.javascript.jscomp.Compiler compiler =
          new com.google.javascript.jscomp.Compiler(new PrintStream(OutputStream.nullOutputStream()));
      CompilerOptions options = new CompilerOptions();
      options.setLanguageIn(LanguageMode.UNSTABLE);
      compiler.initOptions(options);
      root = compiler.parse(SourceFile.fromCode(Transpiler.INPUT_NAME, source));
    } catch (RuntimeException e) {
      return source; // the transpiler reports the syntax error with its position
    }
    if (root == null) {
      return source;
    }
    List<Node> literals = new ArrayList<>();
    collect(root, literals);
    StringBuilder out = new StringBuilder(source);
    // From the end, so that earlier offsets stay valid.
    for (int i = literals.size() - 1; i >= 0; i--) {
      Node r = literals.get(i);
      int start = r.getSourceOffset();
      int end = start + r.getLength();
      if (start < 0 || end > source.length() || source.charAt(start) != '/') {
        continue;
      }
      String pattern = r.getFirstChild().getString();
      String flags = r.getSecondChild() == null ? "" : r.getSecondChild().getString();
      out.replace(start, end, "new RegExp(" + quote(pattern) + ", " + quote(flags) + ")");
    }
    return out.toString();
  }

  private static void collect(Node n, List<Node> out) {
    if (n.isRegExp()) {
      String pattern = n.getFirstChild().getString();
      String flags = n.getSecondChild() == null ? "" : n.getSecondChild().getString();
      if (pattern.contains("(?<") || pattern.contains("\\p{") || pattern.contains("\\P{") || flags.contains("s")) {
        out.add(n);
      }
      return;
    }
    for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
      collect(c, out);
    }
  }

  /** A JavaScript string literal with the pattern's exact characters (its escapes stay escapes). */
  private static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\':
          b.append("\\\\");
          break;
        case '"':
          b.append("\\\"");
          break;
        case '\u2028':
          b.append("\\u2028");
          break;
        case '\u2029':
          b.append("\\u2029");
          break;
        default:
          b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
