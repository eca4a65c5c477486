package dev.interlock.adapter.rhino;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.ActionDefinitionException;
import dev.interlock.core.Problem;
import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.port.ActionSource;
import dev.interlock.core.trigger.TriggerDefinition;
import dev.interlock.testkit.EngineFixture;
import org.junit.jupiter.api.Test;

/** Load-time checks report problems at {@code line:column} of the author's own source. */
class ActionLoadingTest {
  private static final TriggerDefinition TRIGGER = new TestFamily().triggers().get(0);

  private static ActionDefinitionException loadFailure(String code) {
    try {
      Scripts.RUNTIME.load(ActionSource.javascript("broken", code), TRIGGER);
    } catch (ActionDefinitionException e) {
      return e;
    }
    throw new AssertionError("expected the code not to load");
  }

  @Test
  void supportsEveryNodeRuntimeName() {
    assertThat(Scripts.RUNTIME.supports("node22")).isTrue();
    assertThat(Scripts.RUNTIME.supports("node18")).isTrue();
    assertThat(Scripts.RUNTIME.supports("node16")).isTrue();
    assertThat(Scripts.RUNTIME.supports("node12")).isTrue();
    assertThat(Scripts.RUNTIME.supports("node")).isTrue();
    assertThat(Scripts.RUNTIME.supports("java")).isFalse();
  }

  @Test
  void pointsASyntaxErrorAtTheAuthorsLineAndColumn() {
    String code = "// header\nexports.onExecutePostLogin = async (event, api) => {\n  const x = @;\n};\n";

    ActionDefinitionException e = loadFailure(code);

    assertThat(e.problems()).hasSize(1);
    assertThat(e.problems().get(0).path()).isEqualTo("3:13");
  }

  @Test
  void reportsEverySyntaxErrorTogether() {
    String code = "exports.onExecutePostLogin = async (event, api) => {\n  let = 1 +;\n  api..x;\n};";

    ActionDefinitionException e = loadFailure(code);

    assertThat(e.problems()).extracting(Problem::path).allMatch(p -> p.matches("[23]:\\d+"));
  }

  @Test
  void rejectsAPlainFunctionHandlerAtLoadTime() {
    String code = "\n\nexports.onExecutePostLogin = function (event, api) {};";

    ActionDefinitionException e = loadFailure(code);

    assertThat(e.problems()).containsExactly(
        new Problem("3:30", "The handler 'onExecutePostLogin' must be an async function: use exports.onExecutePostLogin = async function(event, api) {}"));
  }

  @Test
  void rejectsAPlainResumeHandlerToo() {
    String code = "exports.onExecutePostLogin = async () => {};\nfunction onContinuePostLogin() {}\nexports.onContinuePostLogin = onContinuePostLogin;";

    ActionDefinitionException e = loadFailure(code);

    assertThat(e.problems()).extracting(Problem::path).containsExactly("2:1");
  }

  @Test
  void namesEveryUnknownModuleRequiredWithALiteral() {
    String code = "const axios = require('left-pad');\nconst { v4 } = require(\"uuid\");\nexports.onExecutePostLogin = async () => {};";

    ActionDefinitionException e = loadFailure(code);

    assertThat(e.problems()).extracting(Problem::path).containsExactly("1:15", "2:16");
    assertThat(e.problems().get(0).message()).contains("Cannot find module 'left-pad'");
    assertThat(e.problems().get(1).message()).contains("'uuid'");
  }

  @Test
  void failsARequireWithAComputedNameWhenItRuns() {
    EngineFixture engine = Scripts.engine();
    String code = "exports.onExecutePostLogin = async (event, api) => {\n  const name = 'left' + '-pad';\n  require(name);\n};";

    ExecutionRecord r = Scripts.run(engine, code);

    assertThat(r.results().get(0).error().message()).startsWith("Cannot find module 'left-pad'; available modules: auth0, axios, buffer");
    assertThat(r.results().get(0).error().stack()).contains("test-action:3");
  }

  @Test
  void mapsRuntimeErrorsThroughTranspiledCodeToTheAuthorsLine() {
    EngineFixture engine = Scripts.engine();
    String code = String.join("\n",
        "class Greeter {",
        "  greet(user) {",
        "    return `hi ${user.profile.name}`;",
        "  }",
        "}",
        "exports.onExecutePostLogin = async (event, api) => {",
        "  const { user } = event;",
        "  await null;",
        "  new Greeter().greet(user);",
        "};");

    ExecutionRecord r = Scripts.run(engine, code);

    assertThat(r.results().get(0).error().name()).isEqualTo("TypeError");
    assertThat(r.results().get(0).error().stack()).contains("test-action:3");
  }

  @Test
  void acceptsAnExportTheSourceDoesNotShowAsAFunction() {
    String code = "const make = () => async (event, api) => {};\nexports.onExecutePostLogin = make();";

    assertThat(Scripts.RUNTIME.load(ActionSource.javascript("factory", code), TRIGGER)).isNotNull();
  }

  @Test
  void failsWhenTheModuleExportsSomethingOtherThanAnObject() {
    EngineFixture engine = Scripts.engine();

    ExecutionRecord r = Scripts.run(engine, "module.exports = 42;");

    assertThat(r.results().get(0).error().message()).isEqualTo("The Action must export an object.");
  }
}
