package dev.interlock.adapter.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interlock.core.PlatformException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AesGcmSecretCipherTest {
  private static final byte[] CONTEXT = "interlock:action:act_1:draft".getBytes(StandardCharsets.UTF_8);
  private final String k1 = KeyRing.newKeyLine("k1");
  private final AesGcmSecretCipher cipher = new AesGcmSecretCipher(KeyRing.parse(k1));

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void decryptsWhatItEncryptedAndHidesThePlaintext() {
    byte[] sealed = cipher.encrypt(bytes("hunter2"), CONTEXT);

    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("hunter2");
    assertThat(cipher.decrypt(sealed, CONTEXT)).isEqualTo(bytes("hunter2"));
  }

  @Test
  void usesAFreshNonceForEveryValue() {
    assertThat(cipher.encrypt(bytes("same"), CONTEXT)).isNotEqualTo(cipher.encrypt(bytes("same"), CONTEXT));
  }

  @Test
  void refusesACiphertextMovedToAnotherRow() {
    byte[] sealed = cipher.encrypt(bytes("hunter2"), CONTEXT);

    assertThatThrownBy(() -> cipher.decrypt(sealed, bytes("interlock:action:act_2:draft")))
        .isInstanceOf(PlatformException.class).hasMessageNotContaining("hunter2");
  }

  @Test
  void refusesATamperedCiphertext() {
    byte[] sealed = cipher.encrypt(bytes("hunter2"), CONTEXT);
    sealed[sealed.length - 1] ^= 1;

    assertThatThrownBy(() -> cipher.decrypt(sealed, CONTEXT)).isInstanceOf(PlatformException.class);
  }

  @Test
  void encryptsWithTheLastKeyAndStillDecryptsWithOlderOnes() {
    byte[] old = cipher.encrypt(bytes("v"), CONTEXT);
    AesGcmSecretCipher rotated = new AesGcmSecretCipher(KeyRing.parse(k1 + "\n" + KeyRing.newKeyLine("k2")));

    byte[] fresh = rotated.encrypt(bytes("v"), CONTEXT);

    assertThat(AesGcmSecretCipher.keyId(old)).isEqualTo("k1");
    assertThat(AesGcmSecretCipher.keyId(fresh)).isEqualTo("k2");
    assertThat(rotated.decrypt(old, CONTEXT)).isEqualTo(bytes("v"));
    assertThat(rotated.isStale(old)).isTrue();
    assertThat(rotated.isStale(fresh)).isFalse();
  }

  @Test
  void saysWhichKeyIsMissingWithoutShowingAnyKey() {
    byte[] sealed = cipher.encrypt(bytes("v"), CONTEXT);
    AesGcmSecretCipher other = new AesGcmSecretCipher(KeyRing.parse(KeyRing.newKeyLine("k9")));

    assertThatThrownBy(() -> other.decrypt(sealed, CONTEXT)).isInstanceOf(PlatformException.class)
        .hasMessageContaining("'k1' is not in the keyring");
  }

  @Test
  void refusesAKeyOfTheWrongSizeWithoutEchoingIt() {
    assertThatThrownBy(() -> KeyRing.parse("k1 c2hvcnQta2V5")).isInstanceOf(PlatformException.class)
        .hasMessageContaining("256 bits").hasMessageNotContaining("c2hvcnQta2V5");
  }
}
