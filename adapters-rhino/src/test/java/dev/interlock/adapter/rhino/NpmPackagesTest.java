package dev.interlock.adapter.rhino;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.execution.Command;
import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.execution.ScriptError;
import dev.interlock.core.port.InstalledPackages;
import dev.interlock.core.port.PackageInstaller;
import dev.interlock.core.trigger.TriggerId;
import dev.interlock.testkit.EngineFixture;
import dev.interlock.core.AdHocAction;
import dev.interlock.core.EngineConfig;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** npm packages loaded through {@link RhinoConfig#withPackages} from in-memory trees. */
class NpmPackagesTest {

  private static InstalledPackages.Package pkg(String name, String version, Map<String, String> deps, Map<String, String> files) {
    return new InstalledPackages.Package(name, version, deps, files);
  }

  /** greet@1.0.0 (main lib/index.js, relative and JSON requires, a dependency on shout@2.0.0, exports map), counter@1.0.0. */
  private static final InstalledPackages TREE = new InstalledPackages(
      Map.of("greet", "greet@1.0.0", "shout", "shout@2.0.0", "counter", "counter@1.0.0", "cyc", "cyc@1.0.0", "modern", "modern@1.0.0"),
      Map.of(
          "greet@1.0.0", pkg("greet", "1.0.0", Map.of("shout", "shout@2.0.0"), Map.of(
              "package.json", "{\"name\":\"greet\",\"main\":\"lib/index\"}",
              "lib/index.js", "const data = require('../data.json'); const fmt = require('./fmt');"
                  + " const shout = require('shout'); const axios = require('axios');"
                  + " module.exports = { hello: n => shout(fmt(data.greeting, n)), file: __filename,"
                  + " builtinAxios: typeof axios.get === 'function', resolved: require.resolve('./fmt'),"
                  + " missing() { try { require('./nope'); } catch (e) { return [e.code, e.message]; } } };",
              "lib/fmt.js", "module.exports = (g, n) => g + ', ' + n;",
              "data.json", "{\"greeting\":\"hello\"}")),
          "shout@2.0.0", pkg("shout", "2.0.0", Map.of(), Map.of(
              "package.json", "{\"name\":\"shout\",\"exports\":{\".\":{\"import\":\"./esm.mjs\",\"require\":\"./cjs.js\"},"
                  + "\"./quiet\":\"./quiet.js\"}}",
              "cjs.js", "module.exports = s => s.toUpperCase() + '!';",
              "quiet.js", "module.exports = s => s.toLowerCase();")),
          "counter@1.0.0", pkg("counter", "1.0.0", Map.of(), Map.of(
              "index.js", "let n = 0; exports.next = () => ++n;")),
          "cyc@1.0.0", pkg("cyc", "1.0.0", Map.of(), Map.of(
              "index.js", "exports.early = 1; const b = require('./b'); exports.seen = b.sawEarly; exports.done = true;",
              "b.js", "const a = require('./index'); exports.sawEarly = [a.early, a.done === undefined];")),
          "modern@1.0.0", pkg("modern", "1.0.0", Map.of(), Map.of(
              "index.js", "class A { constructor() { this.y = 2; } get x() { return this.y; } } module.exports = async () => new A().x * 21;"))));

  private final AtomicReference<Map<String, String>> asked = new AtomicReference<>();
  private final PackageInstaller installer = deps -> {
    asked.set(deps);
    return TREE;
  };
  private final EngineFixture engine = Scripts.engine(EngineConfig.defaults(),
      RhinoRuntimes.create(RhinoConfig.defaults().withPackages(installer)));

  private ExecutionRecord run(String body, Map<String, String> deps) {
    String code = "exports.onExecutePostLogin = async (event, api) => {\n"
        + "  const result = await (async () => {\n" + body + "\n  })();\n"
        + "  api.accessToken.setCustomClaim('result', result === undefined ? null : result);\n};";
    AdHocAction action = new AdHocAction("pkg-action", code, "node22", Map.of(), Map.of(), deps);
    return engine.interlock().executor().run(TriggerId.of(TestFamily.TRIGGER), List.of(action), Scripts.Events.login()).record();
  }

  private Object eval(String body, Map<String, String> deps) {
    ExecutionRecord r = run(body, deps);
    ScriptError error = r.results().isEmpty() ? null : r.results().get(0).error();
    if (error != null) {
      throw new AssertionError(error.name() + ": " + error.message() + "\n" + error.stack());
    }
    for (Command c : r.commands()) {
      if (c.name().equals("accessToken.setCustomClaim") && "result".equals(c.arg(0))) {
        return c.arg(1);
      }
    }
    throw new AssertionError("no result: " + r);
  }

  @Test
  void resolvesMainRelativeJsonDependencyExportsAndBuiltinsInsidePackages() {
    Object r = eval("const g = require('greet'); return [g.hello('ada'), g.file, g.builtinAxios, g.resolved, g.missing(),"
        + " require('shout/quiet')('ABC')];", Map.of("greet", "1.0.0", "shout", "2.0.0", "axios", "1.6.0"));

    assertThat(r).isEqualTo(List.of("HELLO, ADA!", "/node_modules/greet/lib/index.js", true,
        "/node_modules/greet/lib/fmt.js", List.of("MODULE_NOT_FOUND", "Cannot find module './nope' from 'greet@1.0.0/lib/index.js'"),
        "abc"));
    assertThat(asked.get()).containsOnlyKeys("greet", "shout");
  }

  @Test
  void eachExecutionGetsFreshModuleInstances() {
    Map<String, String> deps = Map.of("counter", "1.0.0");
    String body = "const c = require('counter'); c.next(); return [c.next(), require('counter') === c];";

    Object first = eval(body, deps);
    Object second = eval(body, deps);

    assertThat(first).isEqualTo(List.of(2L, true));
    assertThat(second).isEqualTo(List.of(2L, true));
  }

  @Test
  void requireCyclesSeePartialExportsAsInNode() {
    Object r = eval("return require('cyc').seen;", Map.of("cyc", "1.0.0"));

    assertThat(r).isEqualTo(List.of(1L, true));
  }

  @Test
  void transpilesPackageFilesRhinoCannotParse() {
    Object r = eval("return await require('modern')();", Map.of("modern", "1.0.0"));

    assertThat(r).isEqualTo(42L);
  }

  @Test
  void aMissingPackageNamesTheModuleAndTheCode() {
    ScriptError e = run("try { require(['coun', 'terx'].join('')); } catch (e) { return [e.code, e.message]; }",
        Map.of("counter", "1.0.0")).results().get(0).error();
    Object r = eval("try { require(['coun', 'terx'].join('')); } catch (e) { return [e.code, e.message]; }",
        Map.of("counter", "1.0.0"));

    assertThat(e).isNull();
    assertThat(r).isEqualTo(List.of("MODULE_NOT_FOUND", "Cannot find module 'counterx' from 'action.js'"));
  }

  @Test
  void packagesCannotReachJava() {
    Object r = eval("const c = require('counter'); return [typeof java, typeof Packages, typeof c.next.constructor('return this')().java];",
        Map.of("counter", "1.0.0"));

    assertThat(r).isEqualTo(List.of("undefined", "undefined", "undefined"));
  }
}
