package dev.interlock.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.execution.Command;
import dev.interlock.core.execution.ScriptError;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedactorTest {
  private static final String SECRET = "sk_live_51Hq8ZtAbCdEfGh";
  private static final String MASK = Redactor.MASK;

  private final Redactor redactor = Redactor.of(List.of(SECRET));

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void masksTheValueAsWrittenAndLeavesOtherTextAlone() {
    String plain = "nothing to see here";

    String masked = redactor.redact("key=" + SECRET + ".");

    assertThat(masked).isEqualTo("key=" + MASK + ".");
    assertThat(redactor.redact(plain)).isSameAs(plain);
  }

  @Test
  void leavesValuesShorterThanFourCharactersAlone() {
    Redactor r = Redactor.of(List.of("abc", "x"));

    String masked = r.redact("abc x " + b64("abc"));

    assertThat(masked).isEqualTo("abc x YWJj");
  }

  @Test
  void masksHexInLowerAndUpperCase() {
    String hex = HexFormat.of().formatHex(SECRET.getBytes(StandardCharsets.UTF_8));

    String masked = redactor.redact("lower " + hex + " upper " + hex.toUpperCase());

    assertThat(masked).isEqualTo("lower " + MASK + " upper " + MASK);
  }

  @Test
  void masksStandardAndUrlSafeBase64WithAndWithoutPadding() {
    String secret = "p>?~secret-with-url-unsafe-bytes~?"; // its base64 has + and /, and padding
    Redactor r = Redactor.of(List.of(secret));
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    String standard = Base64.getEncoder().encodeToString(bytes);
    String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

    String masked = r.redact(standard + " " + urlSafe + " " + standard.replace("=", ""));

    assertThat(standard).contains("=").containsAnyOf("+", "/");
    assertThat(masked).isEqualTo(MASK + " " + MASK + " " + MASK);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4, 5, 10, 11})
  void masksTheCoreOfASecretEmbeddedInALongerBase64StringAtEveryAlignment(int prefixLength) {
    String prefix = "client_id_abcdefghijk:".substring(0, prefixLength);
    String encoded = b64(prefix + SECRET + "~"); // not "!": its top bits (00) equal the zero padding of the end-of-string form
    int skip = (3 - prefixLength % 3) % 3; // secret bytes in the group that starts before it
    int wholeGroups = (SECRET.length() - skip) / 3;
    int rest = SECRET.length() - skip - 3 * wholeGroups; // secret bytes in the group that ends after it
    int ownBitsOnly = (skip == 2 ? 2 : skip) + rest; // characters of the partial groups made of secret bits alone

    String masked = redactor.redact("Basic " + encoded);

    assertThat(masked).contains(MASK);
    int hidden = encoded.length() - (masked.length() - MASK.length() - "Basic ".length());
    assertThat(hidden).isEqualTo(4 * wholeGroups + ownBitsOnly);
  }

  @Test
  void masksUrlSafeBase64EmbeddedInALongerString() {
    String secret = "ü>>>???ü>>>???ü";
    Redactor r = Redactor.of(List.of(secret));
    String encoded = Base64.getUrlEncoder().withoutPadding()
        .encodeToString(("x" + secret + "y").getBytes(StandardCharsets.UTF_8));

    String masked = r.redact(encoded);

    assertThat(encoded).containsAnyOf("-", "_");
    assertThat(masked).contains(MASK).hasSizeLessThan(MASK.length() + 6);
  }

  @Test
  void masksPercentEncodedFormsOfEveryEncoder() {
    String secret = "p@ss wörd/&=+?";
    Redactor r = Redactor.of(List.of(secret));
    String form = URLEncoder.encode(secret, StandardCharsets.UTF_8); // spaces as +
    String component = form.replace("+", "%20"); // encodeURIComponent
    String lowerHex = component.toLowerCase();
    String escapeFn = "p@ss%20w%F6rd/%26%3D+%3F"; // escape(): Latin-1 bytes, @ / + as they are

    String masked = r.redact(String.join(" | ", form, component, lowerHex, escapeFn, "a%3D" + component + "%26b"));

    assertThat(masked).isEqualTo(String.join(" | ", MASK, MASK, MASK, MASK, "a%3D" + MASK + "%26b"));
  }

  @Test
  void masksJsonEscapedFormsAsJsonStringifyWritesThem() {
    String secret = "quo\"te\\back\nslash\u0001";
    Redactor r = Redactor.of(List.of(secret));
    String once = "quo\\\"te\\\\back\\nslash\\u0001";
    String twice = "quo\\\\\\\"te\\\\\\\\back\\\\nslash\\\\u0001";
    String unicode = "\\u0071\\u0075\\u006F\\u0022te\\\\back\\nslash\\u0001"; // \\uXXXX for any character

    String masked = r.redact("{\"k\":\"" + once + "\"} {\"body\":\"{\\\"k\\\":\\\"" + twice + "\\\"}\"} " + unicode);

    assertThat(masked).doesNotContain("quo").doesNotContain("back").isEqualTo(
        "{\"k\":\"" + MASK + "\"} {\"body\":\"{\\\"k\\\":\\\"" + MASK + "\\\"}\"} " + MASK);
  }

  @Test
  void masksBase64AndHexWrittenInsideEscapes() {
    String secret = "?>?>secret?>?>";
    Redactor r = Redactor.of(List.of(secret));
    String base64 = b64(secret);

    String masked = r.redact("u=" + URLEncoder.encode(base64, StandardCharsets.UTF_8) + " j=" + base64.replace("/", "\\/"));

    assertThat(base64).contains("/");
    assertThat(masked).isEqualTo("u=" + MASK + " j=" + MASK);
  }

  @Test
  void masksTheReversedValue() {
    String masked = redactor.redact(new StringBuilder(SECRET).reverse().toString());

    assertThat(masked).isEqualTo(MASK);
  }

  @Test
  void masksTheDistinctivePartsOfAUrlValuedSecret() {
    Redactor r = Redactor.of(List.of("https://svc-user:hunter22@internal.example:8443/hook?token=tok_9f8e7d6c&fmt=json"));

    String masked = r.redact(
        "host 'internal.example' is not on the egress allow list; user svc-user:hunter22, pw hunter22, t tok_9f8e7d6c, json");

    assertThat(masked).isEqualTo(
        "host '[secret]' is not on the egress allow list; user [secret], pw [secret], t [secret], json");
  }

  @Test
  void leavesShortPartsOfAUrlValuedSecretAlone() {
    Redactor r = Redactor.of(List.of("https://api.io/x?v=1&lang=en"));

    String masked = r.redact("api.io v=1 en");

    assertThat(masked).isEqualTo("api.io v=1 en");
  }

  @Test
  void masksTheNameMessageAndStackOfAnError() {
    ScriptError e = new ScriptError(SECRET, "bad " + b64(SECRET), SECRET + ": at (a:1)");

    ScriptError masked = redactor.redact(e);

    assertThat(masked).isEqualTo(new ScriptError(MASK, "bad " + MASK, MASK + ": at (a:1)"));
  }

  @Test
  void masksCommandArgumentsAtAnyDepthAndObjectKeys() {
    Command c = new Command("user.setAppMetadata", List.of(
        SECRET, Map.of(SECRET, List.of(Map.of("k", b64(SECRET)))), 42));

    List<Command> masked = redactor.redactCommands(List.of(c));

    assertThat(masked).containsExactly(new Command("user.setAppMetadata", List.of(
        MASK, Map.of(MASK, List.of(Map.of("k", MASK))), 42)));
  }
}
