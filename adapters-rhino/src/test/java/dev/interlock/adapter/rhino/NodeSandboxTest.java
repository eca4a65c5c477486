package dev.interlock.adapter.rhino;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Node layer keeps the sandbox's promises: no Java, no host internals, nothing shared. */
class NodeSandboxTest {
  private static final NodeScripts JS = NodeScripts.with(RhinoConfig.defaults().withHostModules(List.of(
      HostModule.of("odd", Map.of(
          "javaObject", args -> new Object(),
          "echo", args -> args.get(0))))));

  @Test
  void builtInModulesCannotBeChangedForLaterExecutions() {
    // Assignments to frozen objects throw in strict code and are ignored in sloppy code: either way nothing changes.
    Object first = JS.eval(String.join("\n",
        "const out = [];",
        "for (const [name, change, changed] of [",
        "    ['crypto', m => { m.createHash = () => 'pwned'; }, m => m.createHash() === 'pwned'],",
        "    ['axios', m => { m.defaults.headers.x = 'y'; }, m => m.defaults.headers.x === 'y'],",
        "    ['jsonwebtoken', m => { m.verify = () => ({ sub: 'admin' }); }, m => typeof m.verify('x', 'y') === 'object'],",
        "    ['events', m => { m.prototype.emit = () => true; }, m => new m().emit('nothing-listens') === true],",
        "    ['util', m => { m.types.isDate = () => true; }, m => m.types.isDate(1)]]) {",
        "  try { change(require(name)); } catch (e) {}",
        "  let took; try { took = changed(require(name)); } catch (e) { took = false; }",
        "  out.push(name + (took ? ' changed' : ' sealed'));",
        "}",
        "try { URL.prototype.toString = () => 'x'; } catch (e) {}",
        "out.push(String(new URL('https://a.com')) === 'x' ? 'URL changed' : 'URL sealed');",
        "return out;"));
    Object second = JS.eval(String.join("\n",
        "return [require('crypto').createHash('sha1').update('').digest('hex'), require('axios').defaults.headers.x,",
        "  require('util').types.isDate(1), String(new URL('https://a.com'))];"));

    assertThat(first).isEqualTo(List.of("crypto sealed", "axios sealed", "jsonwebtoken sealed", "events sealed", "util sealed",
        "URL sealed"));
    assertThat(second).isEqualTo(java.util.Arrays.asList("da39a3ee5e6b4b0d3255bfef95601890afd80709", null, false,
        "https://a.com/"));
  }

  @Test
  void theBuiltInGuardsAlsoProtectTheLayersObjects() {
    Object first = JS.eval(String.join("\n",
        "const attacks = [",
        "  () => Object.defineProperty(Buffer.prototype, 'toString', { value: () => 'pwned' }),",
        "  () => Object.setPrototypeOf(require('crypto'), { createHash: () => 'pwned' }),",
        "  () => { require('events').prototype.__proto__ = { emit: () => 'pwned' }; },",
        "  () => { Object.freeze(require('jsonwebtoken')); require('jsonwebtoken').decode = () => 'pwned'; },",
        "  () => { Object.preventExtensions(URLSearchParams.prototype); URLSearchParams.prototype.get = () => 'pwned'; },",
        "  () => Object.defineProperty(require('axios'), 'get', { value: () => 'pwned' }),",
        "];",
        "return attacks.map(a => { try { a(); } catch (e) {} return 'attempted'; });"));
    Object second = JS.eval(String.join("\n",
        "return [Buffer.from('hi').toString(), typeof require('crypto').createHash('md5').digest,",
        "  typeof new (require('events'))().emit('x'), require('jsonwebtoken').decode('x'),",
        "  new URLSearchParams('a=1').get('a'), typeof require('axios').get];"));

    assertThat(first).isEqualTo(List.of("attempted", "attempted", "attempted", "attempted", "attempted", "attempted"));
    assertThat(second).isEqualTo(java.util.Arrays.asList("hi", "function", "boolean", null, "1", "function"));
  }

  @Test
  void callbacksCannotWalkUpToTheLayersInternals() {
    Object r = JS.eval(String.join("\n",
        "const EventEmitter = require('events'); const e = new EventEmitter(); let caller = 'unset';",
        "e.on('x', function f() { try { caller = f.caller; } catch (err) { caller = 'thrown'; } });",
        "e.emit('x');",
        "const names = Object.getOwnPropertyNames(globalThis).filter(n => /^(native|lib|natives)$/i.test(n));",
        "return [caller === null || caller === undefined || caller === 'thrown' || caller === e.emit, names];"));

    assertThat(r).isEqualTo(List.of(true, List.of()));
  }

  @Test
  void hostFailuresReachScriptsAsJavaScriptErrors() {
    Object r = JS.eval(String.join("\n",
        "const out = [];",
        "const attempt = (f) => { try { f(); out.push('ok'); } catch (e) { out.push([e instanceof Error, e.name, typeof e.javaException, typeof e.rhinoException]); } };",
        "attempt(() => Buffer.from('x').toString('nope'));",
        "attempt(() => require('crypto').createSign('RSA-SHA256').update('x').sign('not a key'));",
        "attempt(() => require('odd').javaObject());",
        "attempt(() => require('odd').echo(() => 1));",
        "return out;"));

    assertThat(r).isEqualTo(List.of(
        List.of(true, "TypeError", "undefined", "undefined"),
        List.of(true, "Error", "undefined", "undefined"),
        List.of(true, "TypeError", "undefined", "undefined"),
        List.of(true, "TypeError", "undefined", "undefined")));
  }

  @Test
  void bufferAllocationsCountAgainstTheMemoryBudget() {
    dev.interlock.core.execution.ExecutionRecord r = JS.run(
        "const keep = []; for (let i = 0; i < 200; i++) keep.push(Buffer.alloc(1024 * 1024)); return keep.length;");

    assertThat(r.results().get(0).error().name()).isEqualTo("LimitError");
  }
}
