package dev.interlock.adapter.rhino.internal.node;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * JSON Web Signatures for the {@code jose} and {@code jwks-rsa} modules: RS256/384/512 (RSA PKCS#1
 * v1.5) and ES256/384/512 (ECDSA, signatures in JOSE's r||s form), keys as PEM (SPKI public keys,
 * X.509 certificates, PKCS#8 private keys) or JWK (RSA and EC public keys, turned into SPKI PEM).
 * HMAC algorithms are done by the script with the HMAC host function.
 */
final class NodeJose {
  private NodeJose() {}

  /** Signs {@code data} with a PKCS#8 PEM private key. */
  static byte[] sign(String alg, String pem, byte[] data) {
    try {
      Signature s = Signature.getInstance(signatureName(alg));
      s.initSign(privateKey(alg, pem));
      s.update(data);
      return s.sign();
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot sign with " + alg + ": " + e.getMessage());
    }
  }

  /** Whether {@code signature} is valid for {@code data} under the public key (SPKI PEM or certificate). */
  static boolean verify(String alg, String pem, byte[] data, byte[] signature) {
    try {
      Signature s = Signature.getInstance(signatureName(alg));
      s.initVerify(publicKey(alg, pem));
      s.update(data);
      return s.verify(signature);
    } catch (java.security.SignatureException e) {
      return false;
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot verify with " + alg + ": " + e.getMessage());
    }
  }

  /** An RSA or EC public JWK as SPKI PEM. */
  static String jwkToPem(Map<?, ?> jwk) {
    try {
      Object kty = jwk.get("kty");
      PublicKey key;
      if ("RSA".equals(kty)) {
        key = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(uint(jwk, "n"), uint(jwk, "e")));
      } else if ("EC".equals(kty)) {
        AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
        params.init(new ECGenParameterSpec(curve(String.valueOf(jwk.get("crv")))));
        ECParameterSpec spec = params.getParameterSpec(ECParameterSpec.class);
        key = KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(uint(jwk, "x"), uint(jwk, "y")), spec));
      } else {
        throw new IllegalArgumentException("unsupported \"kty\" (Key Type) Parameter value: " + kty);
      }
      String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded());
      return "-----BEGIN PUBLIC KEY-----\n" + b64 + "\n-----END PUBLIC KEY-----\n";
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("invalid JWK: " + e.getMessage());
    }
  }

  private static String curve(String crv) {
    switch (crv) {
      case "P-256":
        return "secp256r1";
      case "P-384":
        return "secp384r1";
      case "P-521":
        return "secp521r1";
      default:
        throw new IllegalArgumentException("unsupported \"crv\" (Curve) Parameter value: " + crv);
    }
  }

  private static BigInteger uint(Map<?, ?> jwk, String name) {
    Object v = jwk.get(name);
    if (!(v instanceof String s) || s.isEmpty()) {
      throw new IllegalArgumentException("invalid JWK: \"" + name + "\" must be a base64url string");
    }
    return new BigInteger(1, Base64.getUrlDecoder().decode(s.replace("=", "")));
  }

  private static boolean isEc(String alg) {
    return alg.startsWith("ES");
  }

  private static String signatureName(String alg) {
    switch (alg.toUpperCase(Locale.ROOT)) {
      case "RS256":
        return "SHA256withRSA";
      case "RS384":
        return "SHA384withRSA";
      case "RS512":
        return "SHA512withRSA";
      case "ES256":
        return "SHA256withECDSAinP1363Format";
      case "ES384":
        return "SHA384withECDSAinP1363Format";
      case "ES512":
        return "SHA512withECDSAinP1363Format";
      default:
        throw new IllegalArgumentException("unsupported algorithm " + alg);
    }
  }

  private static PrivateKey privateKey(String alg, String pem) throws GeneralSecurityException {
    if (!pem.contains("BEGIN PRIVATE KEY")) {
      throw new IllegalArgumentException("the key must be a PKCS#8 PEM private key (BEGIN PRIVATE KEY)");
    }
    return KeyFactory.getInstance(isEc(alg) ? "EC" : "RSA").generatePrivate(new PKCS8EncodedKeySpec(der(pem)));
  }

  private static PublicKey publicKey(String alg, String pem) throws GeneralSecurityException {
    if (pem.contains("BEGIN CERTIFICATE")) {
      return CertificateFactory.getInstance("X.509")
          .generateCertificate(new java.io.ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
          .getPublicKey();
    }
    if (!pem.contains("BEGIN PUBLIC KEY")) {
      throw new IllegalArgumentException("the key must be an SPKI PEM public key (BEGIN PUBLIC KEY) or a certificate");
    }
    return KeyFactory.getInstance(isEc(alg) ? "EC" : "RSA").generatePublic(new X509EncodedKeySpec(der(pem)));
  }

  private static byte[] der(String pem) {
    return Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
  }
}
