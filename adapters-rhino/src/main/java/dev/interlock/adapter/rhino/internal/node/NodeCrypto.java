package dev.interlock.adapter.rhino.internal.node;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The JDK side of {@code crypto}: digests, HMACs, random bytes and RSA signatures with PEM keys. */
final class NodeCrypto {
  private static final SecureRandom RANDOM = new SecureRandom();

  private NodeCrypto() {}

  static byte[] hash(String algorithm, byte[] data) {
    try {
      return MessageDigest.getInstance(digestName(algorithm)).digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("Digest method not supported: " + algorithm);
    }
  }

  static byte[] hmac(String algorithm, byte[] key, byte[] data) {
    String mac = "Hmac" + digestName(algorithm).replace("-", "");
    try {
      Mac m = Mac.getInstance(mac);
      // An empty HMAC key equals a zero-filled block-sized one; SecretKeySpec rejects empty keys.
      m.init(new SecretKeySpec(key.length == 0 ? new byte[blockSize(algorithm)] : key, mac));
      return m.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("Invalid digest: " + algorithm);
    }
  }

  private static int blockSize(String algorithm) {
    String a = algorithm.toLowerCase(Locale.ROOT);
    return a.contains("384") || a.contains("512") ? 128 : 64;
  }

  static String digestName(String algorithm) {
    switch (algorithm.toLowerCase(Locale.ROOT).replace("-", "")) {
      case "md5":
        return "MD5";
      case "sha1":
        return "SHA-1";
      case "sha224":
        return "SHA-224";
      case "sha256":
        return "SHA-256";
      case "sha384":
        return "SHA-384";
      case "sha512":
        return "SHA-512";
      default:
        throw new IllegalArgumentException("Digest method not supported: " + algorithm);
    }
  }

  static byte[] randomBytes(int n) {
    byte[] out = new byte[n];
    RANDOM.nextBytes(out);
    return out;
  }

  static String randomUuid() {
    return java.util.UUID.randomUUID().toString();
  }

  /** An RSA PKCS#1 v1.5 signature ({@code RSA-SHA256} and friends) with a PEM private key. */
  static byte[] sign(String algorithm, String pem, byte[] data) {
    try {
      Signature s = Signature.getInstance(signatureName(algorithm));
      s.initSign(privateKey(pem));
      s.update(data);
      return s.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot sign with " + algorithm + ": " + e.getMessage());
    }
  }

  static boolean verify(String algorithm, String pem, byte[] data, byte[] signature) {
    try {
      Signature s = Signature.getInstance(signatureName(algorithm));
      s.initVerify(publicKey(pem));
      s.update(data);
      return s.verify(signature);
    } catch (java.security.SignatureException e) {
      return false;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot verify with " + algorithm + ": " + e.getMessage());
    }
  }

  private static String signatureName(String algorithm) {
    String a = algorithm.toUpperCase(Locale.ROOT).replace("RSA-", "").replace("-", "");
    switch (a) {
      case "SHA256":
      case "SHA256WITHRSAENCRYPTION":
        return "SHA256withRSA";
      case "SHA384":
        return "SHA384withRSA";
      case "SHA512":
        return "SHA512withRSA";
      case "SHA1":
        return "SHA1withRSA";
      default:
        throw new IllegalArgumentException("Invalid digest: " + algorithm);
    }
  }

  private static PrivateKey privateKey(String pem) throws GeneralSecurityException {
    if (pem.contains("BEGIN RSA PRIVATE KEY")) {
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs1ToPkcs8(der(pem))));
    }
    if (!pem.contains("BEGIN PRIVATE KEY")) {
      throw new IllegalArgumentException("the key must be a PEM private key (BEGIN PRIVATE KEY or BEGIN RSA PRIVATE KEY)");
    }
    return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(pem)));
  }

  private static PublicKey publicKey(String pem) throws GeneralSecurityException {
    if (pem.contains("BEGIN CERTIFICATE")) {
      return CertificateFactory.getInstance("X.509")
          .generateCertificate(new java.io.ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
          .getPublicKey();
    }
    if (pem.contains("PRIVATE KEY")) {
      PrivateKey k = privateKey(pem);
      if (k instanceof java.security.interfaces.RSAPrivateCrtKey crt) {
        return KeyFactory.getInstance("RSA")
            .generatePublic(new java.security.spec.RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
      }
    }
    if (pem.contains("BEGIN RSA PUBLIC KEY")) {
      return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(pkcs1PublicToSpki(der(pem))));
    }
    if (!pem.contains("BEGIN PUBLIC KEY")) {
      throw new IllegalArgumentException("the key must be a PEM public key, certificate or private key");
    }
    return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(pem)));
  }

  private static byte[] der(String pem) {
    String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return Base64.getDecoder().decode(body);
  }

  private static final byte[] RSA_ALGORITHM_ID = {
    0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00
  };

  private static byte[] pkcs1ToPkcs8(byte[] pkcs1) {
    java.io.ByteArrayOutputStream inner = new java.io.ByteArrayOutputStream();
    inner.writeBytes(new byte[] {0x02, 0x01, 0x00});
    inner.writeBytes(RSA_ALGORITHM_ID);
    inner.writeBytes(tlv(0x04, pkcs1));
    return tlv(0x30, inner.toByteArray());
  }

  private static byte[] pkcs1PublicToSpki(byte[] pkcs1) {
    byte[] bits = new byte[pkcs1.length + 1];
    System.arraycopy(pkcs1, 0, bits, 1, pkcs1.length);
    java.io.ByteArrayOutputStream inner = new java.io.ByteArrayOutputStream();
    inner.writeBytes(RSA_ALGORITHM_ID);
    inner.writeBytes(tlv(0x03, bits));
    return tlv(0x30, inner.toByteArray());
  }

  private static byte[] tlv(int tag, byte[] value) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.write(tag);
    int n = value.length;
    if (n < 128) {
      out.write(n);
    } else if (n < 256) {
      out.write(0x81);
      out.write(n);
    } else if (n < 65536) {
      out.write(0x82);
      out.write(n >> 8);
      out.write(n & 0xff);
    } else {
      out.write(0x83);
      out.write(n >> 16);
      out.write((n >> 8) & 0xff);
      out.write(n & 0xff);
    }
    out.writeBytes(value);
    return out.toByteArray();
  }
}
