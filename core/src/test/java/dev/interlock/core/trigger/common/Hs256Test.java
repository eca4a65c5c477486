package dev.interlock.core.trigger.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Hs256Test {

  @Test
  void producesTheRfc7515StyleSignatureThatOtherLibrariesCompute() {
    // header {"alg":"HS256","typ":"JWT"}, claims {"sub":"1234567890","name":"John Doe","iat":1516239022}
    // signed with "your-256-bit-secret": the widely published jwt.io example token
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("sub", "1234567890");
    claims.put("name", "John Doe");
    claims.put("iat", 1516239022L);

    String token = Hs256.sign(claims, "your-256-bit-secret");

    assertThat(token).isEqualTo(
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ"
            + ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c");
  }

  @Test
  void verifiesItsOwnTokensAndReturnsTheClaims() {
    String token = Hs256.sign(Map.of("sub", "u1"), "s3cret");

    Hs256.Token verified = Hs256.verify(token, "s3cret");

    assertThat(verified.claims()).containsEntry("sub", "u1");
    assertThat(verified.header()).containsEntry("alg", "HS256");
  }

  @Test
  void refusesATamperedPayloadOrAnotherSecret() {
    String token = Hs256.sign(Map.of("sub", "u1"), "s3cret");
    String[] parts = token.split("\\.");
    String tampered = parts[0] + "." + Hs256.sign(Map.of("sub", "admin"), "x").split("\\.")[1] + "." + parts[2];

    assertThatThrownBy(() -> Hs256.verify(tampered, "s3cret")).hasMessage("Failed signature validation");
    assertThatThrownBy(() -> Hs256.verify(token, "other")).hasMessage("Failed signature validation");
    assertThatThrownBy(() -> Hs256.verify("not-a-token", "s3cret")).hasMessage("Malformed token");
  }
}
