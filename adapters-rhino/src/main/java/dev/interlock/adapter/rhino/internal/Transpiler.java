package dev.interlock.adapter.rhino.internal;

import com.google.debugging.sourcemap.SourceMapConsumerV3;
import com.google.debugging.sourcemap.SourceMapParseException;
import com.google.javascript.jscomp.CompilationLevel;
import com.google.javascript.jscomp.CompilerOptions;
import com.google.javascript.jscomp.CompilerOptions.LanguageMode;
import com.google.javascript.jscomp.JSError;
import com.google.javascript.jscomp.Result;
import com.google.javascript.jscomp.SourceFile;
import com.google.javascript.jscomp.SourceMap;
import dev.interlock.core.ActionDefinitionException;
import dev.interlock.core.Problem;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Lowers modern JavaScript (async/await, classes, rest/spread, for-of, optional chaining, ...) to
 * the ES5 Rhino runs, with Google Closure Compiler in whitespace-only mode. The output calls
 * {@code $jscomp.*} helpers, which {@link #runtimeLibraryInClosure()} builds once for the shared
 * scope; each execution hands them to the transpiled code through its module scope, without a
 * global name (see {@code RhinoLoadedAction}).
 */
final class Transpiler {
  static final String INPUT_NAME = "action.js";

  private Transpiler() {}

  /** Modern source turned into ES5, with a way back to the author's lines. */
  record Output(String code, SourceMapConsumerV3 sourceMap) {}

  /**
   * The prefix reserved for the transpiler's names: the helpers ({@code $jscomp}) and the locals
   * it generates. Code that names them could reach the helpers, so it is refused.
   */
  static final String RESERVED = "$jscomp";

  static Output transpile(String source) {
    int reserved = source.indexOf(RESERVED);
    if (reserved >= 0) {
      throw new ActionDefinitionException("the action's code uses a reserved name",
          List.of(new Problem(position(source, reserved), "names starting with '" + RESERVED
              + "' are reserved for the transpiler's helpers")), null);
    }
    com.google.javascript.jscomp.Compiler compiler = newCompiler();
    CompilerOptions options = options();
    options.setSourceMapOutputPath("action.js.map");
    options.setSourceMapFormat(SourceMap.Format.V3);
    Result result =
        compiler.compile(
            List.of(SourceFile.fromCode("externs.js", "")),
            List.of(SourceFile.fromCode(INPUT_NAME, SourceRewrites.rewrite(source))),
            options);
    if (!result.success || !result.errors.isEmpty()) {
      throw syntaxErrors(result.errors);
    }
    String code = compiler.toSource();
    StringBuilder map = new StringBuilder();
    try {
      compiler.getSourceMap().appendTo(map, INPUT_NAME + ".es5");
      SourceMapConsumerV3 consumer = new SourceMapConsumerV3();
      consumer.parse(map.toString());
      return new Output(code, consumer);
    } catch (IOException | SourceMapParseException e) {
      throw new IllegalStateException("the transpiler produced an unreadable source map", e);
    }
  }

  /**
  /**
   * The helpers as an expression whose value is the {@code $jscomp} object: the library runs in a
   * function, so its {@code var $jscomp} is that function's local and no global refers to it.
   */
  static String runtimeLibraryInClosure() {
    return "(function () {\n" + RuntimeLibrary.CODE + "\nreturn " + RESERVED + ";\n})()";
  }

  /** Lazy holder: the library is built on first use. */
  private static final class RuntimeLibrary {
    static final String CODE = buildRuntimeLibrary();
  }

  private static String buildRuntimeLibrary() {
    com.google.javascript.jscomp.Compiler compiler = newCompiler();
    CompilerOptions options = options();
    options.setForceLibraryInjection(List.of("es6_runtime"));
    Result result =
        compiler.compile(
            List.of(SourceFile.fromCode("externs.js", "")),
            List.of(SourceFile.fromCode("jscomp-runtime.js", "")),
            options);
    if (!result.success) {
      throw new IllegalStateException("could not build the transpiler runtime: " + result.errors);
    }
    return compiler.toSource();
  }

  private static ActionDefinitionException syntaxErrors(List<JSError> errors) {
    List<Problem> problems = new ArrayList<>();
    for (JSError e : errors) {
      problems.add(new Problem(position(e.getLineNumber(), e.getCharno()), e.getDescription()));
    }
    if (problems.isEmpty()) {
      problems.add(new Problem("1:1", "the code could not be compiled"));
    }
    return new ActionDefinitionException(
        "the action's code has " + problems.size() + " syntax error(s)", problems, null);
  }

  /** {@code line:column}, both 1-based, of an offset in {@code source}. */
  private static String position(String source, int offset) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (source.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return line + ":" + (offset - lineStart + 1);
  }

  /** {@code line:column}, both 1-based, from Closure's 1-based line and 0-based column. */
  static String position(int line, int charno) {
    return Math.max(1, line) + ":" + (Math.max(0, charno) + 1);
  }

  private static com.google.javascript.jscomp.Compiler newCompiler() {
    // Closure reports errors through the Result; its own printing would reach stderr.
    return new com.google.javascript.jscomp.Compiler(new PrintStream(OutputStream.nullOutputStream()));
  }

  private static CompilerOptions options() {
    CompilerOptions o = new CompilerOptions();
    CompilationLevel.WHITESPACE_ONLY.setOptionsForCompilationLevel(o);
    o.setLanguageIn(LanguageMode.UNSTABLE);
    o.setLanguageOut(LanguageMode.ECMASCRIPT5);
    o.setRewritePolyfills(false);
    o.setEmitUseStrict(false);
    o.setPrettyPrint(true);
    return o;
  }
}
