package dev.interlock.adapter.rhino.internal;

import com.google.debugging.sourcemap.SourceMapConsumerV3;
import com.google.debugging.sourcemap.proto.Mapping.OriginalMapping;
import dev.interlock.core.execution.ScriptError;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mozilla.javascript.EcmaError;
import org.mozilla.javascript.JavaScriptException;
import org.mozilla.javascript.RhinoException;
import org.mozilla.javascript.ScriptRuntime;
import org.mozilla.javascript.ScriptStackElement;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;

/**
 * Turns what a script threw or rejected with into a {@link ScriptError}, with stack frames that
 * point at the author's own lines: Rhino reports lines of the transpiled code, which the
 * transpiler's source map maps back.
 */
final class ErrorMapper {
  private static final Pattern FRAME = Pattern.compile("at " + Pattern.quote(Transpiler.INPUT_NAME) + ":(\\d+)(?: \\(([^)]*)\\))?");

  private final String actionName;
  private final SourceMapConsumerV3 sourceMap;

  ErrorMapper(String actionName, SourceMapConsumerV3 sourceMap) {
    this.actionName = actionName;
    this.sourceMap = sourceMap;
  }

  /** The author's line for a line of the transpiled code, or -1. */
  int originalLine(int transpiledLine) {
    if (transpiledLine <= 0) {
      return -1;
    }
    OriginalMapping m = sourceMap.getMappingForLine(transpiledLine, Integer.MAX_VALUE / 2);
    return m == null ? -1 : m.getLineNumber();
  }

  /** The error a thrown Java-side exception stands for. */
  ScriptError fromException(RhinoException e) {
    if (e instanceof JavaScriptException js && js.getValue() instanceof Scriptable s) {
      return fromValue(s);
    }
    if (e instanceof JavaScriptException js) {
      return new ScriptError("Error", "Uncaught " + ScriptRuntime.toString(js.getValue()), stackOf(e));
    }
    String name = e instanceof EcmaError ee ? ee.getName() : "SyntaxError";
    String message = e instanceof EcmaError ee ? ee.getErrorMessage() : e.details();
    return new ScriptError(name, message, name + ": " + message + "\n" + stackOf(e));
  }

  /** The error a rejection or throw value stands for ({@code throw 'text'} included). */
  ScriptError fromValue(Object value) {
    if (value instanceof JavaScriptException js) {
      return fromException(js);
    }
    if (value instanceof Scriptable s && !(value instanceof org.mozilla.javascript.Function)) {
      String name = ScriptRuntime.toString(orDefault(ScriptableObject.getProperty(s, "name"), "Error"));
      String message = ScriptRuntime.toString(orDefault(ScriptableObject.getProperty(s, "message"), ""));
      Object stack = stackProperty(s);
      String frames = stack instanceof CharSequence cs ? mapFrames(cs.toString()) : "";
      return new ScriptError(name, message, name + ": " + message + (frames.isEmpty() ? "" : "\n" + frames));
    }
    String text = value == org.mozilla.javascript.Undefined.instance ? "undefined" : ScriptRuntime.toString(value);
    return new ScriptError("Error", text, null);
  }

  /**
   * The {@code stack} of an error object. Rhino 1.9.2 computes it when it is first read and casts
   * the error's prototype to its Java Error class then, so an error re-parented onto a plain object
   * ({@code Object.setPrototypeOf(new Error(), proto)}) throws ClassCastException instead: such an
   * error's stack is read with the error briefly back on {@code Error.prototype}. Rhino keeps the
   * computed stack, so later reads of it work too.
   */
  static Object stackProperty(Scriptable error) {
    try {
      return ScriptableObject.getProperty(error, "stack");
    } catch (ClassCastException rhinoQuirk) {
      Scriptable prototype = error.getPrototype();
      try {
        error.setPrototype(ScriptableObject.getClassPrototype(error, "Error"));
        return ScriptableObject.getProperty(error, "stack");
      } catch (RuntimeException stillFailing) {
        return Scriptable.NOT_FOUND;
      } finally {
        error.setPrototype(prototype);
      }
    }
  }

  /** {@code Name: message} of an error object, for console output. */
  static String describeError(Scriptable s) {
    String name = ScriptRuntime.toString(orDefault(ScriptableObject.getProperty(s, "name"), "Error"));
    String message = ScriptRuntime.toString(orDefault(ScriptableObject.getProperty(s, "message"), ""));
    return message.isEmpty() ? name : name + ": " + message;
  }

  private static Object orDefault(Object v, Object fallback) {
    return v == Scriptable.NOT_FOUND || v == org.mozilla.javascript.Undefined.instance || v == null ? fallback : v;
  }

  /** {@code Name: message} and the author's frames where {@code e} was created. */
  String stackAt(String name, String message, RhinoException e) {
    String frames = e == null ? "" : stackOf(e);
    return name + ": " + message + (frames.isEmpty() ? "" : "\n" + frames);
  }

  private String stackOf(RhinoException e) {
    StringBuilder sb = new StringBuilder();
    for (ScriptStackElement el : e.getScriptStack()) {
      if (Transpiler.INPUT_NAME.equals(el.fileName)) {
        frame(sb, el.functionName, el.lineNumber);
      }
    }
    if (sb.length() == 0 && Transpiler.INPUT_NAME.equals(e.sourceName())) {
      frame(sb, null, e.lineNumber());
    }
    return sb.toString().stripTrailing();
  }

  /** Rewrites Rhino's {@code at action.js:12 (fn)} frames as {@code at fn (<action>:<line>)}. */
  String mapFrames(String rhinoStack) {
    StringBuilder sb = new StringBuilder();
    Matcher m = FRAME.matcher(rhinoStack);
    while (m.find()) {
      frame(sb, m.group(2), Integer.parseInt(m.group(1)));
    }
    return sb.toString().stripTrailing();
  }

  private void frame(StringBuilder sb, String function, int transpiledLine) {
    int line = originalLine(transpiledLine);
    String where = actionName + ":" + (line > 0 ? line : "?");
    boolean named = function != null && !function.isEmpty() && !function.startsWith("$jscomp");
    sb.append("    at ").append(named ? function + " (" + where + ")" : where).append('\n');
  }
}
