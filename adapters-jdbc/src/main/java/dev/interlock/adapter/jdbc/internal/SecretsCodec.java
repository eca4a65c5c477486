package dev.interlock.adapter.jdbc.internal;

import dev.interlock.core.action.Secrets;
import dev.interlock.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Secrets as they are stored: the name/value map as JSON, encrypted with the row it belongs to as
 * associated data, in base64 text (portable between SQLite and PostgreSQL). No secrets: null.
 */
public final class SecretsCodec {
  private final AesGcmSecretCipher cipher;

  public SecretsCodec(AesGcmSecretCipher cipher) {
    this.cipher = cipher;
  }

  static String draftContext(String actionId) {
    return "interlock:action:" + actionId + ":draft";
  }

  static String versionContext(String actionId, int number) {
    return "interlock:action:" + actionId + ":version:" + number;
  }

  String seal(Secrets secrets, String context) {
    if (secrets.isEmpty()) {
      return null;
    }
    byte[] plain = Json.write(new LinkedHashMap<String, Object>(secrets.reveal())).getBytes(StandardCharsets.UTF_8);
    return Base64.getEncoder().encodeToString(cipher.encrypt(plain, context.getBytes(StandardCharsets.UTF_8)));
  }

  Secrets open(String sealed, String context) {
    if (sealed == null) {
      return Secrets.none();
    }
    byte[] plain = cipher.decrypt(Base64.getDecoder().decode(sealed), context.getBytes(StandardCharsets.UTF_8));
    Map<String, Object> m = Json.parseObject(new String(plain, StandardCharsets.UTF_8));
    Map<String, String> values = new LinkedHashMap<>();
    m.forEach((k, v) -> values.put(k, (String) v));
    return Secrets.of(values);
  }

  boolean isStale(String sealed) {
    return sealed != null && cipher.isStale(Base64.getDecoder().decode(sealed));
  }
}
