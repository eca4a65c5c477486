package dev.interlock.adapter.jdbc.internal;

import dev.interlock.core.PlatformException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The encrypted secrets already in the database, as a whole: whether there are any, whether the
 * keyring reads them, and re-encrypting them under the current key.
 */
public final class StoredSecrets {
  private final Database db;
  private final SecretsCodec codec;

  public StoredSecrets(Database db, SecretsCodec codec) {
    this.db = db;
    this.codec = codec;
  }

  /** One stored value: of an action's draft ({@code number} null) or of one of its versions. */
  private record Sealed(String actionId, Integer number, String value) {
    String context() {
      return number == null ? SecretsCodec.draftContext(actionId) : SecretsCodec.versionContext(actionId, number);
    }
  }

  /** Whether any secret is stored (then a new key must not be generated: it could not read them). */
  public static boolean anyStored(Database db) {
    return db.read(c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM actions WHERE secrets IS NOT NULL "
          + "UNION ALL SELECT 1 FROM action_versions WHERE secrets IS NOT NULL LIMIT 1");
          ResultSet rs = p.executeQuery()) {
        return rs.next();
      }
    });
  }

  /**
   * Why the keyring cannot read the stored secrets, if it cannot: one value per key id that
   * encrypted anything is decrypted (a wrong key fails its authentication tag).
   */
  public Optional<String> problem() {
    Map<String, Sealed> oneEach = db.read(c -> {
      Map<String, Sealed> out = new LinkedHashMap<>();
      for (Sealed s : all(c)) {
        String keyId;
        try {
          keyId = AesGcmSecretCipher.keyId(Base64.getDecoder().decode(s.value()));
        } catch (IllegalArgumentException | PlatformException e) {
          keyId = "unreadable";
        }
        out.putIfAbsent(keyId, s);
      }
      return out;
    });
    for (Sealed s : oneEach.values()) {
      try {
        codec.open(s.value(), s.context());
      } catch (PlatformException | IllegalArgumentException e) {
        return Optional.of(e.getMessage());
      }
    }
    return Optional.empty();
  }

  /** Encrypts again, with the current key, every secret stored under an older key; returns how many rows. */
  public int reencrypt() {
    return db.transaction(c -> {
      int n = 0;
      for (Sealed s : all(c)) {
        if (!codec.isStale(s.value())) {
          continue;
        }
        boolean draft = s.number() == null;
        try (PreparedStatement u = c.prepareStatement(draft ? "UPDATE actions SET secrets = ? WHERE id = ?"
            : "UPDATE action_versions SET secrets = ? WHERE action_id = ? AND number = ?")) {
          u.setString(1, codec.seal(codec.open(s.value(), s.context()), s.context()));
          u.setString(2, s.actionId());
          if (!draft) {
            u.setInt(3, s.number());
          }
          n += u.executeUpdate();
        }
      }
      return n;
    });
  }

  private static List<Sealed> all(Connection c) throws SQLException {
    List<Sealed> out = new ArrayList<>();
    try (PreparedStatement p = c.prepareStatement("SELECT id, secrets FROM actions WHERE secrets IS NOT NULL");
        ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        out.add(new Sealed(rs.getString(1), null, rs.getString(2)));
      }
    }
    try (PreparedStatement p = c.prepareStatement(
        "SELECT action_id, number, secrets FROM action_versions WHERE secrets IS NOT NULL");
        ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        out.add(new Sealed(rs.getString(1), rs.getInt(2), rs.getString(3)));
      }
    }
    return out;
  }
}
