package dev.interlock.adapter.http.internal;

import dev.interlock.adapter.http.HttpConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's TLS identity, read from the {@code tls.*} settings into an in-memory keystore for
 * Jetty. Every failure is an {@link IllegalArgumentException} naming the setting and the cause (a
 * missing file, a wrong password, a key that does not belong to the certificate), so that the
 * start stops with one clear line.
 */
public final class TlsIdentity {
  /** Password of the in-memory keystore handed to Jetty (it never leaves the process). */
  static final String MEMORY_PASSWORD = "interlock";

  private static final Pattern PEM =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]+?)-----END \\1-----");

  private TlsIdentity() {}

  /** The keystore (one key entry, alias {@code server}) with password {@link #MEMORY_PASSWORD}. */
  public static KeyStore load(HttpConfig.Tls tls) {
    try {
      return tls.keystore() != null ? fromKeystore(tls.keystore(), tls.keystorePassword()) : fromPem(tls.cert(), tls.key());
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException("TLS: " + e.getMessage(), e);
    }
  }

  private static KeyStore fromKeystore(Path file, String password) throws GeneralSecurityException, IOException {
    byte[] bytes = read(file, "tls.keystore");
    char[] pw = password.toCharArray();
    KeyStore source = null;
    IOException failure = null;
    // PKCS12 first; the JKS provider also reads PKCS#12 ("keystore.type.compat"), the reverse is not guaranteed
    for (String type : List.of("PKCS12", "JKS")) {
      try {
        KeyStore ks = KeyStore.getInstance(type);
        ks.load(new ByteArrayInputStream(bytes), pw);
        source = ks;
        break;
      } catch (IOException e) {
        if (e.getCause() instanceof UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password")) {
          throw new IllegalArgumentException("tls.keystore " + file + ": wrong password (setting tls.keystore.password"
              + " / INTERLOCK_TLS_KEYSTORE_PASSWORD)", e);
        }
        failure = e;
      }
    }
    if (source == null) {
      throw new IllegalArgumentException("tls.keystore " + file + ": not a PKCS#12 or JKS keystore ("
          + failure.getMessage() + ")", failure);
    }
    for (String alias : Collections.list(source.aliases())) {
      if (source.isKeyEntry(alias)) {
        PrivateKey key;
        try {
          key = (PrivateKey) source.getKey(alias, pw);
        } catch (UnrecoverableKeyException e) {
          throw new IllegalArgumentException("tls.keystore " + file + ": the key '" + alias + "' cannot be read with"
              + " tls.keystore.password (a key password different from the store's is not supported)", e);
        }
        Certificate[] chain = source.getCertificateChain(alias);
        return memory(key, chain, "tls.keystore " + file);
      }
    }
    throw new IllegalArgumentException("tls.keystore " + file + ": holds no private key entry (only certificates)");
  }

  private static KeyStore fromPem(Path certFile, Path keyFile) throws GeneralSecurityException, IOException {
    String certText = new String(read(certFile, "tls.cert"), StandardCharsets.US_ASCII);
    List<Certificate> chain = new ArrayList<>();
    CertificateFactory cf = CertificateFactory.getInstance("X.509");
    Matcher m = PEM.matcher(certText);
    while (m.find()) {
      if (m.group(1).equals("CERTIFICATE")) {
        chain.add(cf.generateCertificate(new ByteArrayInputStream(decode(m.group(2), "tls.cert", certFile))));
      }
    }
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("tls.cert " + certFile + ": no '-----BEGIN CERTIFICATE-----' block found");
    }
    String keyText = new String(read(keyFile, "tls.key"), StandardCharsets.US_ASCII);
    Matcher k = PEM.matcher(keyText);
    if (!k.find()) {
      throw new IllegalArgumentException("tls.key " + keyFile + ": no PEM private key block found");
    }
    byte[] der = decode(k.group(2), "tls.key", keyFile);
    PrivateKey key = switch (k.group(1)) {
      case "PRIVATE KEY" -> pkcs8(der, chain.get(0).getPublicKey().getAlgorithm(), keyFile);
      case "RSA PRIVATE KEY" -> pkcs8(Der.wrapPkcs1Rsa(der), "RSA", keyFile);
      case "EC PRIVATE KEY" -> pkcs8(Der.wrapSec1Ec(der, keyFile), "EC", keyFile);
      case "ENCRYPTED PRIVATE KEY" -> throw new IllegalArgumentException("tls.key " + keyFile
          + ": encrypted keys are not supported; decrypt it (openssl pkey -in k.pem -out plain.pem) or use tls.keystore");
      default -> throw new IllegalArgumentException("tls.key " + keyFile + ": unsupported PEM block '" + k.group(1)
          + "' (expected PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY)");
    };
    return memory(key, chain.toArray(Certificate[]::new), "tls.key " + keyFile);
  }

  private static PrivateKey pkcs8(byte[] der, String algorithm, Path file) throws GeneralSecurityException {
    try {
      return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("tls.key " + file + ": not a readable " + algorithm + " private key (the"
          + " certificate's key type); " + e.getMessage(), e);
    }
  }

  /** Checks that the key signs what the certificate's public key verifies, then builds the store. */
  private static KeyStore memory(PrivateKey key, Certificate[] chain, String where) throws GeneralSecurityException,
      IOException {
    if (chain == null || chain.length == 0) {
      throw new IllegalArgumentException(where + ": the key has no certificate");
    }
    PublicKey pub = chain[0].getPublicKey();
    if (!matches(key, pub)) {
      throw new IllegalArgumentException(where + ": the private key does not match the certificate "
          + ((X509Certificate) chain[0]).getSubjectX500Principal().getName() + " (tls.cert / tls.key)");
    }
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    ks.setKeyEntry("server", key, MEMORY_PASSWORD.toCharArray(), chain);
    return ks;
  }

  private static boolean matches(PrivateKey key, PublicKey pub) {
    if (!key.getAlgorithm().equals(pub.getAlgorithm())) {
      return false;
    }
    String alg = switch (pub.getAlgorithm()) {
      case "RSA" -> "SHA256withRSA";
      case "EC" -> "SHA256withECDSA";
      case "Ed25519", "EdDSA" -> "Ed25519";
      default -> null;
    };
    if (alg == null) {
      return true; // an unusual algorithm: the TLS handshake is the check
    }
    try {
      byte[] probe = "interlock-tls-key-check".getBytes(StandardCharsets.US_ASCII);
      Signature s = Signature.getInstance(alg);
      s.initSign(key);
      s.update(probe);
      byte[] sig = s.sign();
      Signature v = Signature.getInstance(alg);
      v.initVerify(pub);
      v.update(probe);
      return v.verify(sig);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static byte[] read(Path file, String setting) {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readAllBytes();
    } catch (java.nio.file.NoSuchFileException e) {
      throw new IllegalArgumentException(setting + ": file " + file + " does not exist");
    } catch (IOException e) {
      throw new IllegalArgumentException(setting + ": file " + file + " cannot be read (" + e.getMessage() + ")", e);
    }
  }

  private static byte[] decode(String base64, String setting, Path file) {
    try {
      return Base64.getMimeDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(setting + " " + file + ": broken base64 in a PEM block", e);
    }
  }

  /** The bits of DER needed to wrap PKCS#1 and SEC1 keys as PKCS#8. */
  static final class Der {
    private static final byte[] RSA_ALG = hex("300d06092a864886f70d0101010500");
    private static final byte[] EC_OID = hex("06072a8648ce3d0201");

    private Der() {}

    static byte[] wrapPkcs1Rsa(byte[] pkcs1) {
      return seq(concat(hex("020100"), RSA_ALG, tlv(0x04, pkcs1)));
    }

    /** SEC1 {@code ECPrivateKey} carries its curve as {@code [0] OID}; PKCS#8 wants it in the algorithm. */
    static byte[] wrapSec1Ec(byte[] sec1, Path file) {
      byte[] curve = findCurve(sec1);
      if (curve == null) {
        throw new IllegalArgumentException("tls.key " + file + ": EC PRIVATE KEY without a named curve");
      }
      return seq(concat(hex("020100"), seq(concat(EC_OID, curve)), tlv(0x04, sec1)));
    }

    private static byte[] findCurve(byte[] sec1) {
      for (int i = 0; i + 3 < sec1.length; i++) {
        if ((sec1[i] & 0xff) == 0xa0 && sec1[i + 2] == 0x06) {
          int len = sec1[i + 3] & 0xff;
          if (i + 4 + len <= sec1.length) {
            byte[] oid = new byte[len + 2];
            System.arraycopy(sec1, i + 2, oid, 0, len + 2);
            return oid;
          }
        }
      }
      return null;
    }

    private static byte[] seq(byte[] content) {
      return tlv(0x30, content);
    }

    private static byte[] tlv(int tag, byte[] content) {
      byte[] len;
      if (content.length < 128) {
        len = new byte[] {(byte) content.length};
      } else {
        byte[] n = BigInteger.valueOf(content.length).toByteArray();
        int skip = n[0] == 0 ? 1 : 0;
        len = new byte[n.length - skip + 1];
        len[0] = (byte) (0x80 | (n.length - skip));
        System.arraycopy(n, skip, len, 1, n.length - skip);
      }
      return concat(new byte[] {(byte) tag}, len, content);
    }

    private static byte[] concat(byte[]... parts) {
      int n = 0;
      for (byte[] p : parts) {
        n += p.length;
      }
      byte[] out = new byte[n];
      int o = 0;
      for (byte[] p : parts) {
        System.arraycopy(p, 0, out, o, p.length);
        o += p.length;
      }
      return out;
    }

    private static byte[] hex(String h) {
      byte[] b = new byte[h.length() / 2];
      for (int i = 0; i < b.length; i++) {
        b[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
      }
      return b;
    }
  }
}
