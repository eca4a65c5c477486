package dev.interlock.adapter.rhino.internal;

import com.google.javascript.jscomp.CompilerOptions;
import com.google.javascript.jscomp.CompilerOptions.LanguageMode;
import com.google.javascript.jscomp.SourceFile;
import com.google.javascript.rhino.Node;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Source-level rewrites applied before the transpiler, each keeping every statement on the
 * author's line (so positions in errors still point at it):
 *
 * <ul>
 *   <li><b>ES2018 regular expressions.</b> Closure (the Java 17 release) refuses to lower named
 *       groups ({@code (?<name>...)}), lookbehind, Unicode property escapes ({@code \p{L}}) and the
 *       {@code s} flag, while Rhino 1.9's RegExp supports them all: such literals become {@code
 *       new RegExp("pattern", "flags")}, so {@code match.groups} and {@code $<name>} work as in
 *       Node.
 *   <li><b>Async functions that never await.</b> Most handlers ({@code async (event, api) => {
 *       api.accessToken.setCustomClaim(...) }}) await nothing, yet the transpiled async machinery
 *       (a generator state machine and several promises) is most of their cost. A block-bodied
 *       async function or arrow with plain parameters and no {@code await} in its own body becomes
 *       {@code (event, api) => { try { return Promise.resolve((() => { BODY })()); } catch (e) {
 *       return Promise.reject(e); } }}: the same result (a promise of the return value, a rejection
 *       for a throw), the same {@code this} and {@code arguments}. Functions with default or
 *       destructured parameters, class methods and async generators are left to the transpiler.
 * </ul>
 */
final class SourceRewrites {
  /** Something that may be a literal's flags with {@code s}; a cheap filter before parsing. */
  private static final java.util.regex.Pattern S_FLAG = java.util.regex.Pattern.compile("/[dgimuvy]*s[dgimuvy]*\\b");
  private static final String CAUGHT = "$interlock$thrown";

  private SourceRewrites() {}

  /** A replacement of {@code [start, end)} of the source; {@code order} keeps insertions at one place in order. */
  private record Edit(int start, int end, String text, int order) {}

  /** The source with the rewrites applied; unchanged when it does not parse (Closure reports that). */
  static String rewrite(String source) {
    boolean regexps = source.contains("(?<") || source.contains("\\p{") || source.contains("\\P{")
        || S_FLAG.matcher(source).find();
    boolean async = source.contains("async");
    if (!regexps && !async) {
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
      return source;
    }
    if (root == null) {
      return source;
    }
    List<Edit> edits = new ArrayList<>();
    collect(root, source, edits);
    // From the end, so that earlier offsets stay valid; edits never overlap. Of two insertions at one
    // place (an empty body), the later one goes in first, so that it ends up after the other.
    edits.sort(Comparator.comparingInt(Edit::start).thenComparingInt(Edit::order).reversed());
    StringBuilder out = new StringBuilder(source);
    for (Edit e : edits) {
      out.replace(e.start(), e.end(), e.text());
    }
    return out.toString();
  }

  private static void collect(Node n, String source, List<Edit> edits) {
    if (n.isRegExp()) {
      regExp(n, source, edits);
      return;
    }
    if (n.isFunction()) {
      asyncWithoutAwait(n, source, edits);
    }
    for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
      collect(c, source, edits);
    }
  }

  private static void regExp(Node r, String source, List<Edit> edits) {
    String pattern = r.getFirstChild().getString();
    String flags = r.getSecondChild() == null ? "" : r.getSecondChild().getString();
    if (!(pattern.contains("(?<") || pattern.contains("\\p{") || pattern.contains("\\P{") || flags.contains("s"))) {
      return;
    }
    int start = r.getSourceOffset();
    int end = start + r.getLength();
    if (start >= 0 && end <= source.length() && source.charAt(start) == '/') {
      edits.add(new Edit(start, end, "new RegExp(" + quote(pattern) + ", " + quote(flags) + ")", edits.size()));
    }
  }

  private static void asyncWithoutAwait(Node fn, String source, List<Edit> edits) {
    if (!fn.isAsyncFunction() || fn.isGeneratorFunction()) {
      return;
    }
    int start = fn.getSourceOffset();
    if (start < 0 || !source.startsWith("async", start) || start + 5 >= source.length()
        || Character.isJavaIdentifierPart(source.charAt(start + 5))) {
      return; // a class or object method: "async" is outside the function node
    }
    Node params = fn.getSecondChild();
    for (Node p = params.getFirstChild(); p != null; p = p.getNext()) {
      if (!p.isName()) {
        return;
      }
    }
    Node body = fn.getLastChild();
    if (!body.isBlock() || awaits(body)) {
      return;
    }
    int open = body.getSourceOffset();
    int close = open + body.getLength() - 1;
    if (open < 0 || close >= source.length() || source.charAt(open) != '{' || source.charAt(close) != '}') {
      return;
    }
    edits.add(new Edit(start, start + 5, "", edits.size()));
    edits.add(new Edit(open + 1, open + 1, " try { return Promise.resolve((() => {", edits.size()));
    edits.add(new Edit(close, close, "})()); } catch (" + CAUGHT + ") { return Promise.reject(" + CAUGHT + "); } ", edits.size()));
  }

  /** Whether the function body awaits (nested functions have their own bodies). */
  private static boolean awaits(Node n) {
    if (n.isAwait() || n.isForAwaitOf()) {
      return true;
    }
    for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
      if (!c.isFunction() && awaits(c)) {
        return true;
      }
    }
    return false;
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
