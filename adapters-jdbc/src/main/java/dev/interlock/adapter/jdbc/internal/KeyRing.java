package dev.interlock.adapter.jdbc.internal;

import dev.interlock.core.PlatformException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256 keys by id, read from text: one {@code <key-id> <base64 key>} per line, {@code #}
 * comments allowed. The last key is the current one (new ciphertexts); the others still decrypt
 * what they encrypted, so a key is rotated by appending a line and re-encrypting.
 */
public final class KeyRing {
  private final Map<String, SecretKey> keys;
  private final String currentId;
  private final String unusable;

  private KeyRing(Map<String, SecretKey> keys, String currentId, String unusable) {
    this.keys = keys;
    this.currentId = currentId;
    this.unusable = unusable;
  }

  /**
   * A keyring that could not be loaded: every use fails with {@code reason}, so that the stores
   * still open (and readiness can say why) while no secret is read or written with a wrong key.
   */
  public static KeyRing unusable(String reason) {
    return new KeyRing(Map.of(), null, reason);
  }

  public static KeyRing parse(String text) {
    Map<String, SecretKey> keys = new LinkedHashMap<>();
    String current = null;
    int lineNo = 0;
    for (String raw : text.split("[\\r\\n;]+")) {
      lineNo++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\s+|:", 2);
      if (parts.length != 2) {
        throw new PlatformException("secret_key_invalid", "secret keyring entry " + lineNo + " is not '<key-id> <base64 key>'", null);
      }
      byte[] key;
      try {
        key = Base64.getDecoder().decode(parts[1].strip());
      } catch (IllegalArgumentException e) {
        throw new PlatformException("secret_key_invalid", "secret key '" + parts[0] + "' is not valid base64", null);
      }
      if (key.length != 32) {
        throw new PlatformException("secret_key_invalid", "secret key '" + parts[0] + "' must be 256 bits (32 bytes), is " + key.length, null);
      }
      if (parts[0].length() > 64 || !parts[0].matches("[A-Za-z0-9._-]+")) {
        throw new PlatformException("secret_key_invalid", "secret key id '" + parts[0] + "' must be 1-64 of [A-Za-z0-9._-]", null);
      }
      keys.put(parts[0], new SecretKeySpec(key, "AES"));
      current = parts[0];
    }
    if (current == null) {
      throw new PlatformException("secret_key_invalid", "the secret keyring holds no key", null);
    }
    return new KeyRing(Map.copyOf(keys), current, null);
  }

  /**
   * Reads the keyring file; when it is missing and {@code generate} is set, writes one with a new
   * key (owner-only permissions where the file system supports them) and says so to {@code warn}.
   */
  public static KeyRing load(Path file, boolean generate, Consumer<String> warn) {
    try {
      if (Files.notExists(file)) {
        if (!generate) {
          throw new PlatformException("secret_key_invalid", "secret keyring file " + file + " does not exist", null);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        String line = newKeyLine("k1");
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, "# Interlock secret keys: <id> <base64 AES-256 key>, the last one encrypts\n" + line + "\n",
            StandardCharsets.UTF_8);
        try {
          Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
          // not a POSIX file system: the directory's permissions must protect the key
        }
        Files.move(tmp, file);
        warn.accept("generated a new secret encryption key in " + file
            + "; back it up: secrets stored with it cannot be read without it");
      }
      return parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new PlatformException("secret_key_invalid", "cannot read the secret keyring " + file + ": " + e.getMessage(), e);
    }
  }

  /** A keyring line with a fresh random key. */
  public static String newKeyLine(String id) {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return id + " " + Base64.getEncoder().encodeToString(key);
  }

  String currentId() {
    return currentId;
  }

  SecretKey current() {
    refuseIfUnusable();
    return keys.get(currentId);
  }

  SecretKey get(String id) {
    refuseIfUnusable();
    SecretKey k = keys.get(id);
    if (k == null) {
      throw new PlatformException("secret_key_missing",
          "secret key '" + id + "' is not in the keyring; add it to decrypt older secrets", null);
    }
    return k;
  }

  private void refuseIfUnusable() {
    if (unusable != null) {
      throw new PlatformException("secret_key_unusable", unusable, null);
    }
  }

  @Override
  public String toString() {
    return "KeyRing" + keys.keySet() + " current=" + currentId;
  }
}
