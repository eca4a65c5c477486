package dev.interlock.core.trigger.common;

import dev.interlock.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Compact JWTs signed with HMAC-SHA256, as {@code api.redirect.encodeToken} issues them and {@code
 * api.redirect.validateToken} checks them. Only the JDK is used; the signature is compared in
 * constant time.
 */
public final class Hs256 {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private Hs256() {}

  /** Why a token was refused; the message is safe to show to the script (no secret in it). */
  public static final class InvalidTokenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidTokenException(String message) {
      super(message, null, false, false);
    }
  }

  /** A decoded, signature-checked token. */
  public record Token(Map<String, Object> header, Map<String, Object> claims) {}

  /** Signs {@code claims} (JSON values) with {@code secret}; header {@code {alg:HS256, typ:JWT}}. */
  public static String sign(Map<String, Object> claims, String secret) {
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("alg", "HS256");
    header.put("typ", "JWT");
    String signingInput = encode(Json.write(header)) + "." + encode(Json.write(claims));
    return signingInput + "." + ENCODER.encodeToString(mac(secret, signingInput));
  }

  /**
   * Decodes the token and checks its signature with {@code secret}. Claims such as expiry are the
   * caller's to check.
   *
   * @throws InvalidTokenException when the token is malformed or the signature does not match
   */
  public static Token verify(String token, String secret) {
    String[] parts = token == null ? new String[0] : token.split("\\.", -1);
    if (parts.length != 3) {
      throw new InvalidTokenException("Malformed token");
    }
    Map<String, Object> header = decodeObject(parts[0]);
    Map<String, Object> claims = decodeObject(parts[1]);
    if (!"HS256".equals(header.get("alg"))) {
      throw new InvalidTokenException("Unexpected signing algorithm");
    }
    byte[] given;
    try {
      given = DECODER.decode(parts[2]);
    } catch (IllegalArgumentException e) {
      throw new InvalidTokenException("Failed signature validation");
    }
    byte[] expected = mac(secret, parts[0] + "." + parts[1]);
    if (!MessageDigest.isEqual(expected, given)) {
      throw new InvalidTokenException("Failed signature validation");
    }
    return new Token(header, claims);
  }

  private static Map<String, Object> decodeObject(String part) {
    try {
      return Json.parseObject(new String(DECODER.decode(part), StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      throw new InvalidTokenException("Malformed token");
    }
  }

  private static String encode(String json) {
    return ENCODER.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] mac(String secret, String input) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      byte[] key = secret.getBytes(StandardCharsets.UTF_8);
      // HMAC accepts any key length, but SecretKeySpec refuses an empty one
      mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
      return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
    }
  }
}
