package dev.interlock.adapter.rhino;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.execution.ScriptError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Built-in modules of the Node compatibility layer. Expected digests, signatures and tokens were
 * computed with Node 20's crypto (RSA PKCS#1 v1.5 signatures are deterministic).
 */
class NodeModulesTest {
  private static final NodeScripts JS = NodeScripts.shared();
  private static final String RSA_SHA256_HELLO = "0KyXNVq5JiLoLty7MAY2UYajp9p9vjLVceW04Xy3Zq8ctri4t7/j+C+h94j44fKMFfMTuWe1oBKfvY5ZnJraw2xTx/T56Imnm9qqyqjjOL8Bbte1J6iKSV+1Gcu+u8UAyjNfShyLlNVFPpRO2A+HtXMXOY/Uq+2QvIT5mdwCQEOhtXj/DHERlQtQ7B1Axx8MJeAlFmhBbSHpaxdkf4NCMU5pZt/yDyS7/OKBQrmOth5MO/zhFH1ekEUT6u8nSkljjbqNKHwWOwcqUpYiP2l1AAHl7JlqTgdNFLYpM/V0OwjuN8ofRG4dtOTvu/Nbfn7CjJDmBiCLrYkne03TCHy95A==";
  private static final String RS256_TOKEN = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1MSIsImlzcyI6Imh0dHBzOi8vaXNzdWVyLyJ9.upWln_fkNHflRpUoiXTkNxXrMbfcKTinPUXWazLH-VyQgNWI7SdzxX9eIZ0nkU4D02Yi1fy0t3h2pUP59pq5AnA7nU7ubOQcEe7y6OEa5FwRNnuMBy6eshD15EqGdwZpRNoGZl2Xf5ja26Kv8asuOvMUY5fm2YqJUUI2Q5hNdYGFn4ijYeTdI5YuKtGVTwScjhkZc50u9HLHLIlisrY63mvsGdp2iSyoI_aVhvVx5EBaGxyqzruXsIqrbzGBnrTZsh82xJppjOfea4TKqw57AFTHGMEHfJmojmvjmR79Aff7ptzMks15MG7CA4TxJeWarWR4BGzAhytx9SsUvhHZWA";
  private static final String HS256_TOKEN = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1MSIsIm4iOjF9.8JqnspVdiaJBQd_y5RkLxEtNQ12rJhlpF4ZI5GSbLLk";
  private static final String HS512_TOKEN = "eyJhbGciOiJIUzUxMiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1MSIsIm4iOjF9.KMfl0GLAnvDtVwE3wEw5aCYcVkHfg4klPVRFyleRKNJCVxf4NcRsln6LzEtETTyTtSDUQNLgCQmDsPXDDglxfA";

  private static String pem(String name) {
    try (InputStream in = NodeModulesTest.class.getResourceAsStream("/node/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String js(String s) {
    return "'" + s.replace("\n", "\\n") + "'";
  }

  @Test
  void createHashDigestsWithEveryAlgorithmAndEncoding() {
    Object r = JS.eval(String.join("\n",
        "const crypto = require('crypto');",
        "return [crypto.createHash('md5').update('hello').digest('hex'),",
        "  crypto.createHash('sha1').update('hello').digest('base64'),",
        "  crypto.createHash('sha256').update('hel').update(Buffer.from('lo')).digest('hex'),",
        "  crypto.createHash('sha512').update('hello').digest('base64url'),",
        "  Buffer.isBuffer(crypto.createHash('sha256').update('x').digest()),",
        "  crypto.createHash('sha256').update('x').digest().length];"));

    assertThat(r).isEqualTo(List.of("5d41402abc4b2a76b9719d911017c592", "qvTGHdzF6KLavt4PO0gs2a6pQ00=",
        "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
        "m3HSJL1i83hdltRq0-o9czGb-8KJDKra4t_3JRlnPKcjI8PZm6XBHXx6zG4UuMXaDEZjR1wuXDre9G9zvN7AQw", true, 32L));
  }

  @Test
  void createHmacSignsWithStringAndEmptyKeys() {
    Object r = JS.eval(String.join("\n",
        "const { createHmac } = require('node:crypto');",
        "return [createHmac('sha256', 'secret').update('hello').digest('hex'), createHmac('sha256', '').update('hello').digest('hex')];"));

    assertThat(r).isEqualTo(List.of("88aab3ede8d3adf94d26ab90d3bafd4a2083070c3bcce9c014ee04a443847c0b",
        "4352b26e33fe0d769a8922a6ba29004109f01688e26acc9e6cb347e5a5afc4da"));
  }

  @Test
  void randomBytesUuidsAndTimingSafeEqual() {
    Object r = JS.eval(String.join("\n",
        "const crypto = require('crypto');",
        "let err; try { crypto.timingSafeEqual(Buffer.from('a'), Buffer.from('ab')); } catch (e) { err = e.code; }",
        "return [crypto.randomBytes(16).length, crypto.randomBytes(8).toString('hex').length, crypto.randomUUID().length,",
        "  crypto.timingSafeEqual(Buffer.from('abc'), Buffer.from('abc')), crypto.timingSafeEqual(Buffer.from('abc'), Buffer.from('abd')), err];"));

    assertThat(r).isEqualTo(List.of(16L, 16L, 36L, true, false, "ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH"));
  }

  @Test
  void createSignAndVerifyUseRs256WithPemKeys() {
    String priv = js(pem("rsa-private.pem"));
    String pkcs1 = js(pem("rsa-private-pkcs1.pem"));
    String pub = js(pem("rsa-public.pem"));

    Object r = JS.eval(String.join("\n",
        "const crypto = require('crypto');",
        "const sig = crypto.createSign('RSA-SHA256').update('hello').sign(" + priv + ", 'base64');",
        "const sig1 = crypto.createSign('RSA-SHA256').update('hello').sign({ key: " + pkcs1 + " }, 'base64');",
        "return [sig, sig1 === sig, crypto.createVerify('RSA-SHA256').update('hello').verify(" + pub + ", sig, 'base64'),",
        "  crypto.createVerify('RSA-SHA256').update('hellO').verify(" + pub + ", sig, 'base64')];"));

    assertThat(r).isEqualTo(List.of(RSA_SHA256_HELLO, true, true, false));
  }

  @Test
  void jsonwebtokenSignsHmacAndRsaTokensExactlyLikeTheLibrary() {
    String priv = js(pem("rsa-private.pem"));

    Object r = JS.eval(String.join("\n",
        "const jwt = require('jsonwebtoken');",
        "return [jwt.sign({ sub: 'u1', n: 1 }, 's3cret', { noTimestamp: true }),",
        "  jwt.sign({ sub: 'u1', n: 1 }, 's3cret', { noTimestamp: true, algorithm: 'HS512' }),",
        "  jwt.sign({ sub: 'u1' }, " + priv + ", { algorithm: 'RS256', noTimestamp: true, issuer: 'https://issuer/' })];"));

    assertThat(r).isEqualTo(List.of(HS256_TOKEN, HS512_TOKEN, RS256_TOKEN));
  }

  @Test
  void jsonwebtokenVerifiesAndDecodes() {
    String pub = js(pem("rsa-public.pem"));

    Object r = JS.eval(String.join("\n",
        "const jwt = require('jsonwebtoken');",
        "const now = Math.floor(Date.now() / 1000);",
        "const t = jwt.sign({ sub: 'u1', scope: 'read' }, 'k', { expiresIn: '1h', audience: 'api', issuer: 'me' });",
        "const v = jwt.verify(t, 'k', { audience: 'api', issuer: 'me' });",
        "const rs = jwt.verify('" + RS256_TOKEN + "', " + pub + ", { algorithms: ['RS256'] });",
        "const d = jwt.decode(t, { complete: true });",
        "let cb; jwt.verify(t, 'k', (err, decoded) => { cb = [err, decoded.sub]; });",
        "return [v.sub, v.exp - v.iat, Math.abs(v.iat - now) < 5, rs.iss, d.header.alg, d.payload.aud, cb, jwt.decode('nope')];"));

    assertThat(r).isEqualTo(Arrays.asList("u1", 3600L, true, "https://issuer/", "HS256", "api", Arrays.asList(null, "u1"), null));
  }

  @Test
  void jsonwebtokenRejectsWithTheLibrarysErrorNames() {
    Object r = JS.eval(String.join("\n",
        "const jwt = require('jsonwebtoken');",
        "const now = Math.floor(Date.now() / 1000);",
        "const out = [];",
        "const attempt = (f) => { try { f(); out.push('ok'); } catch (e) { out.push(e.name + ': ' + e.message + (e.expiredAt ? ' @' + (e.expiredAt instanceof Date) : '') + (e.date ? ' @' + (e.date instanceof Date) : '')); } };",
        "attempt(() => jwt.verify(jwt.sign({ exp: now - 10 }, 'k'), 'k'));",
        "attempt(() => jwt.verify(jwt.sign({ nbf: now + 100 }, 'k'), 'k'));",
        "attempt(() => jwt.verify(jwt.sign({ a: 1 }, 'k'), 'other'));",
        "attempt(() => jwt.verify(jwt.sign({ aud: 'x' }, 'k'), 'k', { audience: 'api' }));",
        "attempt(() => jwt.verify(jwt.sign({ iss: 'x' }, 'k'), 'k', { issuer: 'me' }));",
        "attempt(() => jwt.verify('a.b', 'k'));",
        "attempt(() => jwt.verify(jwt.sign({ a: 1 }, 'k', { algorithm: 'HS384' }), 'k', { algorithms: ['HS256'] }));",
        "attempt(() => jwt.verify(jwt.sign({ exp: now - 10 }, 'k'), 'k', { ignoreExpiration: true }));",
        "let proto; try { jwt.verify('a.b', 'k'); } catch (e) { proto = [e instanceof jwt.JsonWebTokenError, e instanceof Error]; }",
        "let expired; try { jwt.verify(jwt.sign({ exp: now - 10 }, 'k'), 'k'); } catch (e) { expired = e instanceof jwt.TokenExpiredError && e instanceof jwt.JsonWebTokenError; }",
        "return [out, proto, expired];"));

    assertThat(r).isEqualTo(List.of(List.of(
            "TokenExpiredError: jwt expired @true",
            "NotBeforeError: jwt not active @true",
            "JsonWebTokenError: invalid signature",
            "JsonWebTokenError: jwt audience invalid. expected: api",
            "JsonWebTokenError: jwt issuer invalid. expected: me",
            "JsonWebTokenError: jwt malformed",
            "JsonWebTokenError: invalid algorithm",
            "ok"),
        List.of(true, true), true));
  }

  @Test
  void querystringAndLegacyUrlParseLikeNode() {
    Object r = JS.eval(String.join("\n",
        "const qs = require('querystring'); const url = require('node:url');",
        "const u = url.parse('https://user:pw@Host.com:8080/p/a/t/h?query=string#hash', true);",
        "return [qs.stringify({ a: [1, 2], b: 'x y', c: \"it's\" }), JSON.stringify(qs.parse('a=1&a=2&b=x+y&c=%41')),",
        "  JSON.stringify(u), url.format({ protocol: 'https', hostname: 'a.com', pathname: '/x', query: { q: 1 } }),",
        "  new url.URL('/x', 'https://a.com').href];"));

    assertThat(r).isEqualTo(List.of("a=1&a=2&b=x%20y&c=it's", "{\"a\":[\"1\",\"2\"],\"b\":\"x y\",\"c\":\"A\"}",
        "{\"protocol\":\"https:\",\"slashes\":true,\"auth\":\"user:pw\",\"host\":\"host.com:8080\",\"port\":\"8080\","
            + "\"hostname\":\"host.com\",\"hash\":\"#hash\",\"search\":\"?query=string\",\"query\":{\"query\":\"string\"},"
            + "\"pathname\":\"/p/a/t/h\",\"path\":\"/p/a/t/h?query=string\","
            + "\"href\":\"https://user:pw@host.com:8080/p/a/t/h?query=string#hash\"}",
        "https://a.com/x?q=1", "https://a.com/x"));
  }

  @Test
  void utilFormatsInspectsAndPromisifies() {
    Object r = JS.eval(String.join("\n",
        "const util = require('util');",
        "const late = util.promisify((a, cb) => setTimeout(() => cb(null, a * 2), 1));",
        "const failing = util.promisify((cb) => cb(new Error('nope')));",
        "let err; try { await failing(); } catch (e) { err = e.message; }",
        "return [util.format('%s is %d years and %j', 'Ada', 36, { a: 1 }), util.inspect('x'), await late(21), err,",
        "  util.types.isDate(new Date()), util.types.isPromise(Promise.resolve()), util.types.isRegExp({}),",
        "  util.isDeepStrictEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }), util.isDeepStrictEqual({ a: 1 }, { a: '1' })];"));

    assertThat(r).isEqualTo(List.of("Ada is 36 years and {\"a\":1}", "'x'", 42L, "nope", true, true, false, true, false));
  }

  @Test
  void eventEmitterDeliversEventsInOrder() {
    Object r = JS.eval(String.join("\n",
        "const EventEmitter = require('events');",
        "class Bus extends EventEmitter {}",
        "const bus = new Bus(); const seen = [];",
        "bus.on('x', (a, b) => seen.push('on:' + a + b));",
        "bus.once('x', (a) => seen.push('once:' + a));",
        "bus.prependListener('x', () => seen.push('first'));",
        "const first = bus.emit('x', 1, 2); bus.emit('x', 3, 4);",
        "let err; try { bus.emit('error', new Error('boom')); } catch (e) { err = e.message; }",
        "const later = EventEmitter.once(bus, 'ready'); setTimeout(() => bus.emit('ready', 'go'), 1);",
        "return [seen, first, bus.emit('none'), bus.listenerCount('x'), err, await later, bus instanceof require('node:events').EventEmitter];"));

    assertThat(r).isEqualTo(List.of(List.of("first", "on:12", "once:1", "first", "on:34"), true, false, 2L, "boom",
        List.of("go"), true));
  }

  @Test
  void bufferModuleExportsTheBufferGlobal() {
    Object r = JS.eval("const { Buffer: B } = require('buffer'); return [B === Buffer, B.from('hi').toString('hex')];");

    assertThat(r).isEqualTo(List.of(true, "6869"));
  }

  @Test
  void unknownModulesFailAtLoadTimeListingTheAvailableOnes() {
    ScriptError error = JS.error("const name = 'left' + '-pad'; require(name);");

    assertThat(error.message()).isEqualTo("Cannot find module 'left-pad'; available modules: auth0, axios, buffer, crypto, events, "
        + "jose, jsonwebtoken, jwks-rsa, querystring, url, util");
  }

}
