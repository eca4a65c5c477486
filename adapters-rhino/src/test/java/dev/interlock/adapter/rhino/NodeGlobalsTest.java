package dev.interlock.adapter.rhino;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Globals of the Node compatibility layer; expected values computed with Node 20. */
class NodeGlobalsTest {
  private static final NodeScripts JS = NodeScripts.shared();

  @Test
  void buffersConvertBetweenEncodingsLikeNode() {
    Object r = JS.eval(String.join("\n",
        "const b = Buffer.from('héllo wörld ✓', 'utf8');",
        "return [b.length, b.toString('hex'), b.toString('base64'), b.toString('base64url'),",
        "  Buffer.from('aGVsbG8', 'base64').toString(), Buffer.from('68656c6c6f', 'hex').toString('utf8'),",
        "  Buffer.from('_-8', 'base64url').toString('hex'), b.toString('latin1').length];"));

    assertThat(r).isEqualTo(List.of(17L, "68c3a96c6c6f2077c3b6726c6420e29c93", "aMOpbGxvIHfDtnJsZCDinJM=",
        "aMOpbGxvIHfDtnJsZCDinJM", "hello", "hello", "ffef", 17L));
  }

  @Test
  void buffersConcatCompareSliceAndIndexLikeNode() {
    Object r = JS.eval(String.join("\n",
        "const a = Buffer.from([1, 2, 3]); const b = Buffer.alloc(2, 255);",
        "const c = Buffer.concat([a, b]);",
        "const s = c.slice(1, 3); s[0] = 9;",
        "return [c.length, c[1], Buffer.isBuffer(c), Buffer.isBuffer(new Uint8Array(1)), c instanceof Uint8Array,",
        "  Buffer.byteLength('✓✓'), Buffer.from('abc').equals(Buffer.from('abc')), Buffer.from('abc').equals(Buffer.from('abd')),",
        "  JSON.stringify(Buffer.from('hi')), Buffer.alloc(3).toString('hex'), c.toString('hex'),",
        "  Buffer.from('hello').indexOf('ll'), Buffer.compare(Buffer.from('a'), Buffer.from('b'))];"));

    assertThat(r).isEqualTo(List.of(5L, 9L, true, false, true, 6L, true, false,
        "{\"type\":\"Buffer\",\"data\":[104,105]}", "000000", "010903ffff", 2L, -1L));
  }

  @Test
  void buffersReadAndWriteIntegersAndOtherEncodingsLikeNode() {
    Object r = JS.eval(String.join("\n",
        "const b = Buffer.alloc(8); b.writeUInt32BE(0xdeadbeef, 0); b.writeInt16LE(-2, 4);",
        "const ab = new ArrayBuffer(4); const v = Buffer.from(ab); new Uint8Array(ab)[0] = 7;",
        "return [b.toString('hex'), b.readUInt32BE(0), b.readInt16LE(4), b.readUInt8(0), v[0],",
        "  Buffer.from('hé', 'utf16le').toString('hex'), Buffer.from('hé', 'latin1').toString('hex'),",
        "  Buffer.from([0xe9]).toString('latin1'), Buffer.from('abc').toString('utf8', 1, 2), Buffer.alloc(4, 'ab').toString(),",
        "  Buffer.from('hi').toString('ascii')];"));

    assertThat(r).isEqualTo(List.of("deadbeeffeff0000", 3735928559L, -2L, 222L, 7L, "6800e900", "68e9", "é", "b", "abab", "hi"));
  }

  @Test
  void textEncoderAndDecoderRoundTripUtf8() {
    Object r = JS.eval(String.join("\n",
        "const bytes = new TextEncoder().encode('€uro');",
        "return [Array.from(bytes).join(','), new TextDecoder().decode(bytes), new TextEncoder().encoding,",
        "  new TextDecoder().decode(new Uint8Array([0xEF, 0xBB, 0xBF, 0x41]))];"));

    assertThat(r).isEqualTo(List.of("226,130,172,117,114,111", "€uro", "utf-8", "A"));
  }

  @Test
  void atobAndBtoaWorkOnLatin1StringsAndRejectOthers() {
    Object r = JS.eval(String.join("\n",
        "let err; try { btoa('✓'); } catch (e) { err = e.name; }",
        "let err2; try { atob('a'); } catch (e) { err2 = e.name; }",
        "return [btoa('hello:world'), atob('aGVsbG86d29ybGQ='), atob(' aGk= '), err, err2];"));

    assertThat(r).isEqualTo(List.of("aGVsbG86d29ybGQ=", "hello:world", "hi", "InvalidCharacterError", "InvalidCharacterError"));
  }

  @Test
  void urlParsesResolvesAndSerializesLikeNode() {
    Object r = JS.eval(String.join("\n",
        "const u = new URL('HTTPS://user:pw@Example.COM:443/a/../b/./c?x=1&y=two%20words#frag');",
        "const rel = new URL('../d?q=1', 'https://example.com/a/b/c');",
        "u.searchParams.append('z', 'a b&c');",
        "let invalid; try { new URL('not a url'); } catch (e) { invalid = e.code + ' ' + e.message; }",
        "return [u.href, u.protocol, u.host, u.hostname, u.port, u.pathname, u.search, u.hash, u.origin,",
        "  u.username, u.searchParams.get('y'), rel.href, new URL('http://h:8080').port, invalid,",
        "  JSON.stringify({ u: new URL('https://a.com') })];"));

    assertThat(r).isEqualTo(List.of(
        "https://user:pw@example.com/b/c?x=1&y=two+words&z=a+b%26c#frag", "https:", "example.com", "example.com", "",
        "/b/c", "?x=1&y=two+words&z=a+b%26c", "#frag", "https://example.com", "user", "two words",
        "https://example.com/a/d?q=1", "8080", "ERR_INVALID_URL Invalid URL", "{\"u\":\"https://a.com/\"}"));
  }

  @Test
  void urlSearchParamsBuildAndReadQueries() {
    Object r = JS.eval(String.join("\n",
        "const p = new URLSearchParams({ a: '1', b: 'x y' });",
        "p.append('a', '2'); p.set('c', 'é'); p.delete('b');",
        "const q = new URLSearchParams('?k=v+w&k=%41&e');",
        "return [p.toString(), p.getAll('a'), q.get('k'), q.getAll('k'), q.get('e'), q.has('nope'), [...q.keys()].join('|')];"));

    assertThat(r).isEqualTo(List.of("a=1&a=2&c=%C3%A9", List.of("1", "2"), "v w", List.of("v w", "A"), "", false, "k|k|e"));
  }

  @Test
  void structuredCloneCopiesDeeplyAndRejectsFunctions() {
    Object r = JS.eval(String.join("\n",
        "const src = { d: new Date(0), m: new Map([[1, { x: 1 }]]), s: new Set([1]), a: [1, { y: 2 }] };",
        "src.self = src;",
        "const c = structuredClone(src);",
        "let err; try { structuredClone({ f() {} }); } catch (e) { err = e.name; }",
        "return [c !== src, c.self === c, c.d instanceof Date && c.d.getTime() === 0, c.m.get(1).x, c.m.get(1) !== src.m.get(1),",
        "  c.s.has(1), c.a[1].y, c.a[1] !== src.a[1], err];"));

    assertThat(r).isEqualTo(List.of(true, true, true, 1L, true, true, 2L, true, "DataCloneError"));
  }

  @Test
  void webCryptoGivesUuidsAndRandomValues() {
    Object r = JS.eval(String.join("\n",
        "const a = new Uint32Array(4); crypto.getRandomValues(a);",
        "let err; try { crypto.getRandomValues(new Uint8Array(70000)); } catch (e) { err = e.name; }",
        "return [/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(crypto.randomUUID()),",
        "  crypto.randomUUID() !== crypto.randomUUID(), a.some(x => x !== 0), err];"));

    assertThat(r).isEqualTo(List.of(true, true, true, "QuotaExceededError"));
  }

  @Test
  void queueMicrotaskRunsBeforeTimers() {
    Object r = JS.eval(String.join("\n",
        "const order = [];",
        "setTimeout(() => order.push('timeout'), 0);",
        "queueMicrotask(() => order.push('micro'));",
        "order.push('sync');",
        "await new Promise(r => setTimeout(r, 5));",
        "return order;"));

    assertThat(r).isEqualTo(List.of("sync", "micro", "timeout"));
  }

  @Test
  void globalsAreSealedAndNotSharedBetweenExecutions() {
    Object first = JS.eval("try { Buffer.prototype.evil = 1; } catch (e) {} return typeof Buffer.prototype.evil;");
    Object second = JS.eval("const b = Buffer.from('x'); b.mine = 1; return [typeof Buffer.prototype.evil, b.mine];");

    assertThat(first).isEqualTo("undefined");
    assertThat(second).isEqualTo(List.of("undefined", 1L));
  }

  @Test
  void hostFunctionsNeverExposeJavaObjects() {
    Object r = JS.eval(String.join("\n",
        "const b = Buffer.from('x');",
        "let err; try { require('crypto').createHash('nope'); } catch (e) { err = [e instanceof Error, e.message, typeof e.javaException]; }",
        "return [Object.getPrototypeOf(b) === Buffer.prototype, err];"));

    assertThat(r).isEqualTo(List.of(true, List.of(true, "Digest method not supported: nope", "undefined")));
  }


  @Test
  void formatsNumbersForALocaleAsNodeDoes() {
    // Expected values are Node 22's (ICU) results for the same calls.
    Object r = JS.eval(String.join("\n",
        "return [(1234.5).toLocaleString('en-US'), (1234.5).toLocaleString('de-DE'), (1234567.891).toLocaleString(),",
        "  (0.256).toLocaleString('en-US', { style: 'percent' }),",
        "  (1234.5).toLocaleString('en-US', { style: 'currency', currency: 'USD' }),",
        "  (1234.5678).toLocaleString('en-US', { maximumFractionDigits: 2 }),",
        "  (5).toLocaleString('en-US', { minimumFractionDigits: 2 }), (1.005).toLocaleString('en-US', { maximumFractionDigits: 2 }),",
        "  (1000).toLocaleString('en-US', { useGrouping: false }), (-1234.5).toLocaleString(['en-US', 'fr-FR']),",
        "  new Number(7).toLocaleString('en-US'), NaN.toLocaleString('en-US')];"));

    assertThat(r).isEqualTo(List.of("1,234.5", "1.234,5", "1,234,567.891", "26%", "$1,234.50", "1,234.57", "5.00", "1.01",
        "1000", "-1,234.5", "7", "NaN"));
  }

  @Test
  void refusesLocaleOptionsNodeRefuses() {
    Object r = JS.eval(String.join("\n",
        "const errors = [];",
        "for (const f of [() => (1).toLocaleString('en-US', { style: 'currency' }),",
        "                 () => (1).toLocaleString('en-US', { style: 'money' }),",
        "                 () => (1).toLocaleString('en-US', { style: 'currency', currency: 'XY' }),",
        "                 () => (1).toLocaleString('en-US', { maximumFractionDigits: 101 }),",
        "                 () => (1).toLocaleString('not a locale!')]) {",
        "  try { f(); errors.push('none'); } catch (e) { errors.push(e.name); }",
        "}",
        "return errors;"));

    assertThat(r).isEqualTo(List.of("TypeError", "RangeError", "RangeError", "RangeError", "RangeError"));
  }

  @Test
  void globalsAnActionAssignsStayInItsOwnExecution() {
    Object first = JS.eval(String.join("\n",
        "globalThis.cachedToken = globalThis.cachedToken ?? 'token-1';",
        "global.counter = (global.counter || 0) + 1;",
        "return [cachedToken, counter, global === globalThis];"));
    Object second = JS.eval("return [typeof globalThis.cachedToken, typeof counter];");

    assertThat(first).isEqualTo(List.of("token-1", 1L, true));
    assertThat(second).isEqualTo(List.of("undefined", "undefined"));
  }

  @Test
  void theLayerWorksInInterpretedModeToo() {
    NodeScripts interpreted = NodeScripts.with(RhinoConfig.defaults().withInterpreted(true));

    Object r = interpreted.eval(String.join("\n",
        "const jwt = require('jsonwebtoken');",
        "const t = jwt.sign({ sub: 'u1' }, 'k', { noTimestamp: true });",
        "return [Buffer.from('hi').toString('base64'), new URL('https://a.com/x?y=1').searchParams.get('y'),",
        "  require('crypto').createHash('md5').update('hello').digest('hex'), jwt.verify(t, 'k').sub];"));

    assertThat(r).isEqualTo(List.of("aGk=", "1", "5d41402abc4b2a76b9719d911017c592", "u1"));
  }
}
