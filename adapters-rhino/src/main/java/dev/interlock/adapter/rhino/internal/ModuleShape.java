package dev.interlock.adapter.rhino.internal;

import com.google.javascript.jscomp.CompilerOptions;
import com.google.javascript.jscomp.CompilerOptions.LanguageMode;
import com.google.javascript.jscomp.SourceFile;
import com.google.javascript.rhino.Node;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the author's own source says about the module, read from its syntax tree before
 * transpiling (after transpiling every async function is a plain one): which exports are
 * functions and whether they are declared {@code async}, and which modules it {@code require}s
 * with a literal name.
 */
final class ModuleShape {

  /** What is known about one export assigned a function. */
  record Export(String name, boolean async, String position) {}

  /** One {@code require('literal')} call. */
  record Require(String module, String position) {}

  private final Map<String, Export> exports;
  private final List<Require> requires;

  private ModuleShape(Map<String, Export> exports, List<Require> requires) {
    this.exports = exports;
    this.requires = requires;
  }

  Map<String, Export> exports() {
    return exports;
  }

  List<Require> requires() {
    return requires;
  }

  /** Reads the shape; the source must already have compiled (syntax errors are not reported). */
  static ModuleShape of(String source) {
    com.google.javascript.jscomp.Compiler compiler =
        new com.google.javascript.jscomp.Compiler(new PrintStream(OutputStream.nullOutputStream()));
    CompilerOptions options = new CompilerOptions();
    options.setLanguageIn(LanguageMode.UNSTABLE);
    compiler.initOptions(options);
    Node root = compiler.parse(SourceFile.fromCode(Transpiler.INPUT_NAME, source));
    Map<String, Node> functions = new HashMap<>();
    Map<String, Export> exports = new LinkedHashMap<>();
    List<Require> requires = new ArrayList<>();
    if (root != null) {
      collectTopLevelFunctions(root, functions);
      walk(root, functions, exports, requires);
    }
    return new ModuleShape(exports, requires);
  }

  private static void collectTopLevelFunctions(Node script, Map<String, Node> functions) {
    for (Node n = script.getFirstChild(); n != null; n = n.getNext()) {
      if (n.isFunction() && n.getFirstChild().isName()) {
        functions.put(n.getFirstChild().getString(), n);
      } else if (n.isVar() || n.isLet() || n.isConst()) {
        for (Node name = n.getFirstChild(); name != null; name = name.getNext()) {
          if (name.isName() && name.hasChildren() && name.getFirstChild().isFunction()) {
            functions.put(name.getString(), name.getFirstChild());
          }
        }
      }
    }
  }

  private static void walk(Node n, Map<String, Node> functions, Map<String, Export> exports, List<Require> requires) {
    if (n.isAssign()) {
      Node target = n.getFirstChild();
      Node value = n.getLastChild();
      String exported = exportedName(target);
      if (exported != null) {
        noteExport(exports, exported, resolve(value, functions));
      } else if (isModuleExports(target) && value.isObjectLit()) {
        for (Node key = value.getFirstChild(); key != null; key = key.getNext()) {
          if (key.isStringKey() || key.isMemberFunctionDef()) {
            noteExport(exports, key.getString(), resolve(key.getFirstChild(), functions));
          }
        }
      }
    } else if (n.isCall() && n.getFirstChild().isName() && n.getFirstChild().getString().equals("require")) {
      Node arg = n.getSecondChild();
      if (arg != null && arg.isStringLit()) {
        requires.add(new Require(arg.getString(), Transpiler.position(n.getLineno(), n.getCharno())));
      }
    }
    for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
      walk(c, functions, exports, requires);
    }
  }

  private static void noteExport(Map<String, Export> exports, String name, Node function) {
    if (function == null) {
      exports.remove(name);
      return;
    }
    exports.put(
        name,
        new Export(name, function.isAsyncFunction(), Transpiler.position(function.getLineno(), function.getCharno())));
  }

  private static Node resolve(Node value, Map<String, Node> functions) {
    if (value == null) {
      return null;
    }
    if (value.isFunction()) {
      return value;
    }
    if (value.isName()) {
      return functions.get(value.getString());
    }
    return null;
  }

  /** {@code exports.X} or {@code module.exports.X}: X; otherwise null. */
  private static String exportedName(Node target) {
    if (!target.isGetProp()) {
      return null;
    }
    Node owner = target.getFirstChild();
    boolean exportsObject = owner.isName() && owner.getString().equals("exports") || isModuleExports(owner);
    return exportsObject ? target.getString() : null;
  }

  private static boolean isModuleExports(Node n) {
    return n.isGetProp()
        && n.getString().equals("exports")
        && n.getFirstChild().isName()
        && n.getFirstChild().getString().equals("module");
  }
}
