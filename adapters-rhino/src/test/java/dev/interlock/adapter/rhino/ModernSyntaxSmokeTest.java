package dev.interlock.adapter.rhino;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.testkit.EngineFixture;
import org.junit.jupiter.api.Test;

/** The shortest path through every layer: transpile, load, run, api, console, timers. */
class ModernSyntaxSmokeTest {
  @Test
  void runsAModernAsyncAction() {
    EngineFixture engine = Scripts.engine();
    String code = String.join("\n",
        "class Base { constructor(n) { this.n = n; } name() { return this.n; } }",
        "class Sub extends Base { name() { return super.name() + '!'; } }",
        "exports.onExecutePostLogin = async (event, api) => {",
        "  const roles = event.user?.app_metadata?.roles ?? [];",
        "  const { a, ...rest } = { a: 1, b: 2 };",
        "  for (const [k, v] of Object.entries(rest)) console.log(`${k}=${v}`, { roles });",
        "  await new Promise(r => setTimeout(r, 5));",
        "  api.accessToken.setCustomClaim('https://x/roles', [...roles]).accessToken.addScope('read');",
        "  console.log(new Sub('x').name());",
        "};");

    ExecutionRecord r = Scripts.run(engine, code);

    assertThat(r.status().toString()).isEqualTo("COMPLETED");
    assertThat(r.commands()).extracting(c -> c.name()).containsExactly("accessToken.setCustomClaim", "accessToken.addScope");
    assertThat(r.results().get(0).logs()).extracting(l -> l.message()).containsExactly("b=2 { roles: [ 'admin', 'editor' ] }", "x!");
  }

  @Test
  void runsEs2018RegularExpressionsTheTranspilerCannotLower() {
    EngineFixture engine = Scripts.engine();
    String code = String.join("\n",
        "exports.onExecutePostLogin = async (event, api) => {",
        "  const m = /^(?<provider>[^|]+)\\|(?<id>.+)$/.exec(event.user.user_id);",
        "  const after = event.user.user_id.match(/(?<=\\|)\\d+/)[0];",
        "  const notBefore = /(?<!a)b/.test('ab');",
        "  const dotAll = /a.b/s.test('a\\nb');",
        "  const letters = 'héllo wörld'.match(/\\p{L}+/gu);",
        "  const swapped = '2024-05'.replace(/(?<y>\\d{4})-(?<mo>\\d{2})/, '$<mo>/$<y>');",
        "  const slash = /\\/(?<rest>.*)/.exec('a/b\"c').groups.rest;",
        "  api.accessToken.setCustomClaim('r', [m.groups.provider, m.groups.id, after, notBefore, dotAll, letters, swapped, slash]);",
        "  undefined.boom;",
        "};");

    ExecutionRecord r = Scripts.run(engine, code);

    assertThat(r.commands().get(0).arg(1)).isEqualTo(java.util.List.of(
        "auth0", "123", "123", false, true, java.util.List.of("héllo", "wörld"), "05/2024", "b\"c"));
    // the rewrite keeps every statement on the author's line
    assertThat(r.results().get(0).error().stack()).contains("test-action:10");
  }

  @Test
  void asyncFunctionsThatNeverAwaitKeepAsyncSemantics() {
    EngineFixture engine = Scripts.engine();
    String code = String.join("\n",
        "async function double(x) { return x * 2; }",
        "async function fails() { throw new RangeError('no'); }",
        "const self = { n: 5, async get() { return this.n; } };",
        "async function count() { return arguments.length; }",
        "exports.onExecutePostLogin = async (event, api) => {",
        "  const p = fails();",
        "  const caught = await p.then(() => 'resolved', e => e.name + ':' + e.message);",
        "  api.accessToken.setCustomClaim('r', [await double(21), caught, double(1) instanceof Promise, await self.get(),",
        "    await count(1, 2, 3)]);",
        "};");

    ExecutionRecord r = Scripts.run(engine, code);

    assertThat(r.commands().get(0).arg(1)).isEqualTo(java.util.List.of(42L, "RangeError:no", true, 5L, 3L));
  }

  @Test
  void aThrowInAHandlerThatNeverAwaitsFailsTheActionOnItsLine() {
    EngineFixture engine = Scripts.engine();
    String code = String.join("\n",
        "exports.onExecutePostLogin = async (event, api) => {",
        "  api.accessToken.setCustomClaim('before', true);",
        "  undefined.boom;",
        "};");

    ExecutionRecord r = Scripts.run(engine, code);

    assertThat(r.status().toString()).isEqualTo("FAILED");
    assertThat(r.results().get(0).error().name()).isEqualTo("TypeError");
    assertThat(r.results().get(0).error().stack()).contains("test-action:3");
  }
}
