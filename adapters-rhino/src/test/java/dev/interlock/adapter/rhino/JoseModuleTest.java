package dev.interlock.adapter.rhino;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code jose} and {@code jwks-rsa} against tokens signed by the JDK and a JWKS served by a stubbed
 * issuer: what Custom Token Exchange and redirect-callback actions do to validate a token.
 */
class JoseModuleTest {
  private static final String JWKS_URL = "https://issuer.example.com/.well-known/jwks.json";
  private static KeyPair rsa;
  private static KeyPair ec;
  private static NodeScripts js;
  private static final AtomicInteger jwksFetches = new AtomicInteger();

  @BeforeAll
  static void keys() throws Exception {
    KeyPairGenerator r = KeyPairGenerator.getInstance("RSA");
    r.initialize(2048);
    rsa = r.generateKeyPair();
    KeyPairGenerator e = KeyPairGenerator.getInstance("EC");
    e.initialize(new ECGenParameterSpec("secp256r1"));
    ec = e.generateKeyPair();
    RSAPublicKey pub = (RSAPublicKey) rsa.getPublic();
    String jwks = "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"rsa-1\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\"" + b64(unsigned(pub.getModulus()))
        + "\",\"e\":\"" + b64(unsigned(pub.getPublicExponent())) + "\"}]}";
    js = NodeScripts.with(RhinoConfig.defaults().withEgress(RhinoEgress.defaults().withAllowPublicHosts(false))
        .withFetchInterceptor(req -> {
          if (!req.url().equals(JWKS_URL)) {
            return null;
          }
          jwksFetches.incrementAndGet();
          return CompletableFuture.completedFuture(new FetchInterceptor.Response(
              200, Map.of("content-type", List.of("application/json")), jwks.getBytes(StandardCharsets.UTF_8)));
        }));
  }

  private static String b64(byte[] b) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private static byte[] unsigned(BigInteger i) {
    byte[] b = i.toByteArray();
    return b[0] == 0 ? Arrays.copyOfRange(b, 1, b.length) : b;
  }

  /** A PEM block written as the inside of a JavaScript string literal (its newlines as \\n). */
  private static String pem(String type, byte[] der) {
    String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
    return ("-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n").replace("\n", "\\n");
  }

  /** An RS256 token signed by the JDK with kid rsa-1. */
  private static String rs256(String payloadJson) throws Exception {
    String input = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"rsa-1\"}".getBytes(StandardCharsets.UTF_8)) + "."
        + b64(payloadJson.getBytes(StandardCharsets.UTF_8));
    Signature s = Signature.getInstance("SHA256withRSA");
    s.initSign(rsa.getPrivate());
    s.update(input.getBytes(StandardCharsets.US_ASCII));
    return input + "." + b64(s.sign());
  }

  private static long now() {
    return System.currentTimeMillis() / 1000;
  }

  @Test
  void verifiesAnRs256TokenAgainstARemoteJwksFetchedOnce() throws Exception {
    String token = rs256("{\"sub\":\"user-7\",\"iss\":\"https://issuer.example.com/\",\"aud\":\"my-api\",\"exp\":" + (now() + 600) + "}");
    int before = jwksFetches.get();

    Object r = js.eval(String.join("\n",
        "const { jwtVerify, createRemoteJWKSet } = require('jose');",
        "const JWKS = createRemoteJWKSet(new URL('" + JWKS_URL + "'));",
        "const options = { issuer: 'https://issuer.example.com/', audience: 'my-api', algorithms: ['RS256'] };",
        "const first = await jwtVerify('" + token + "', JWKS, options);",
        "const second = await jwtVerify('" + token + "', JWKS, options);",
        "return [first.payload.sub, first.protectedHeader.kid, second.payload.sub];"));

    assertThat(r).isEqualTo(List.of("user-7", "rsa-1", "user-7"));
    assertThat(jwksFetches.get() - before).isEqualTo(1);
  }

  @Test
  void reportsJoseErrorsWithTheirClassesAndCodes() throws Exception {
    String expired = rs256("{\"sub\":\"u\",\"aud\":\"my-api\",\"exp\":" + (now() - 60) + "}");
    String valid = rs256("{\"sub\":\"u\",\"aud\":\"other\",\"exp\":" + (now() + 600) + "}");
    String tampered = valid.substring(0, valid.lastIndexOf('.') + 1) + "AAAA" + valid.substring(valid.lastIndexOf('.') + 5);

    Object r = js.eval(String.join("\n",
        "const jose = require('jose');",
        "const JWKS = jose.createRemoteJWKSet(new URL('" + JWKS_URL + "'));",
        "const out = [];",
        "for (const [token, options] of [['" + expired + "', {}], ['" + valid + "', { audience: 'my-api' }],",
        "    ['" + tampered + "', {}], ['" + valid + "', { algorithms: ['ES256'] }], ['not-a-jwt', {}]]) {",
        "  try { await jose.jwtVerify(token, JWKS, options); out.push('valid'); }",
        "  catch (e) { out.push([e.name, e.code, e.message, e.claim || null, e instanceof jose.errors.JOSEError]); }",
        "}",
        "try { await jose.jwtVerify('" + expired + "', JWKS); } catch (e) {",
        "  out.push(e instanceof jose.errors.JWTExpired && e instanceof jose.errors.JWTClaimValidationFailed); }",
        "return out;"));

    assertThat(r).isEqualTo(List.of(
        Arrays.asList("JWTExpired", "ERR_JWT_EXPIRED", "\"exp\" claim timestamp check failed", "exp", true),
        Arrays.asList("JWTClaimValidationFailed", "ERR_JWT_CLAIM_VALIDATION_FAILED", "unexpected \"aud\" claim value", "aud", true),
        Arrays.asList("JWSSignatureVerificationFailed", "ERR_JWS_SIGNATURE_VERIFICATION_FAILED", "signature verification failed", null, true),
        Arrays.asList("JOSEAlgNotAllowed", "ERR_JOSE_ALG_NOT_ALLOWED", "\"alg\" (Algorithm) Header Parameter value not allowed", null, true),
        Arrays.asList("JWSInvalid", "ERR_JWS_INVALID", "Invalid Compact JWS", null, true),
        true));
  }

  @Test
  void signsEs256TokensTheJdkVerifiesAndHs256TokensThatRoundTrip() throws Exception {
    String privatePem = pem("PRIVATE KEY", ec.getPrivate().getEncoded());
    String publicPem = pem("PUBLIC KEY", ec.getPublic().getEncoded());

    Object r = js.eval(String.join("\n",
        "const jose = require('jose');",
        "const key = await jose.importPKCS8('" + privatePem + "', 'ES256');",
        "const token = await new jose.SignJWT({ scope: 'read' }).setProtectedHeader({ alg: 'ES256', kid: 'ec-1' })",
        "  .setIssuedAt().setIssuer('interlock').setSubject('user-7').setExpirationTime('2h').sign(key);",
        "const mine = await jose.jwtVerify(token, await jose.importSPKI('" + publicPem + "', 'ES256'), { issuer: 'interlock' });",
        "const secret = new TextEncoder().encode('s3cret-s3cret-s3cret-s3cret-s3cret');",
        "const hs = await new jose.SignJWT({ n: 1 }).setProtectedHeader({ alg: 'HS256' }).sign(secret);",
        "const back = await jose.jwtVerify(hs, secret);",
        "return [token, mine.payload.sub, mine.payload.exp - mine.payload.iat, back.payload.n, jose.decodeJwt(hs).n,",
        "  jose.decodeProtectedHeader(token).kid];"));

    List<?> out = (List<?>) r;
    String token = (String) out.get(0);
    String[] parts = token.split("\\.");
    Signature s = Signature.getInstance("SHA256withECDSAinP1363Format");
    s.initVerify(ec.getPublic());
    s.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertThat(s.verify(Base64.getUrlDecoder().decode(parts[2]))).as("the JDK accepts the script's ES256 signature").isTrue();
    assertThat(out.subList(1, out.size())).isEqualTo(List.of("user-7", 7200L, 1L, 1L, "ec-1"));
    assertThat(((ECPublicKey) ec.getPublic()).getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
  }

  @Test
  void jwksRsaGivesThePemOfTheKeyNamedByTheTokenForJsonwebtoken() throws Exception {
    String token = rs256("{\"sub\":\"user-9\",\"exp\":" + (now() + 600) + "}");

    Object r = js.eval(String.join("\n",
        "const jwksClient = require('jwks-rsa');",
        "const jwt = require('jsonwebtoken');",
        "const client = jwksClient({ jwksUri: '" + JWKS_URL + "' });",
        "const key = await client.getSigningKey(jwt.decode('" + token + "', { complete: true }).header.kid);",
        "const verified = jwt.verify('" + token + "', key.getPublicKey(), { algorithms: ['RS256'] });",
        "const viaCallback = await new Promise((resolve, reject) =>",
        "  client.getSigningKey('rsa-1', (err, k) => err ? reject(err) : resolve(k.rsaPublicKey === k.getPublicKey())));",
        "let missing;",
        "try { await client.getSigningKey('nope'); } catch (e) { missing = [e.name, e.message]; }",
        "return [verified.sub, key.kid, key.getPublicKey().startsWith('-----BEGIN PUBLIC KEY-----'), viaCallback, missing];"));

    assertThat(r).isEqualTo(List.of("user-9", "rsa-1", true, true,
        List.of("SigningKeyNotFoundError", "Unable to find a signing key that matches 'nope'")));
  }
}
