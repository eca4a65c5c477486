package dev.interlock.trigger.signuplogin;

import static dev.interlock.trigger.signuplogin.Flows.outcome;
import static dev.interlock.trigger.signuplogin.Flows.postLoginRejection;
import static dev.interlock.trigger.signuplogin.Flows.step;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.execution.ExecutionStatus;
import dev.interlock.core.javaaction.JavaApi;
import dev.interlock.core.json.Undefined;
import dev.interlock.testkit.EngineFixture;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SamlResponseApiTest {
  private final EngineFixture engine = Flows.engine();

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void collectsAttributesAndSettingsForTheSamlResponse() {
    ExecutionRecord r = engine.run("post-login", PostLoginEvent.builder().build(), step("saml", (e, api) -> {
      assertThat(api.call("samlResponse.setAttribute", "groups", List.of("a", "b"))).isInstanceOf(JavaApi.class);
      api.call("samlResponse.setAttribute", "legacy", Undefined.VALUE);
      api.call("samlResponse.setAudience", "urn:sp:example");
      api.call("samlResponse.setLifetimeInSeconds", 600);
      api.call("samlResponse.setSignResponse", true);
      api.call("samlResponse.setSignatureAlgorithm", "rsa-sha256");
      api.call("samlResponse.setNameIdentifierProbes", List.of("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress"));
    }));

    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("groups", List.of("a", "b"));
    attributes.put("legacy", null);
    assertThat(outcome(r, "saml_response", "attributes")).isEqualTo(attributes);
    assertThat(outcome(r, "saml_response", "settings", "audience")).isEqualTo("urn:sp:example");
    assertThat(outcome(r, "saml_response", "settings", "lifetime_in_seconds")).isEqualTo(600L);
    assertThat(outcome(r, "saml_response", "settings", "sign_response")).isEqualTo(true);
    assertThat(outcome(r, "saml_response", "settings", "signature_algorithm")).isEqualTo("rsa-sha256");
  }

  @Test
  void failsTheActionAndDiscardsItsSettingsOnAnInvalidSetter() {
    ExecutionRecord r = engine.run("post-login", PostLoginEvent.builder().build(), step("saml", (e, api) -> {
      api.call("samlResponse.setAudience", "urn:sp:example");
      api.call("samlResponse.setIssuer", "i".repeat(513));
    }));

    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error().message()).contains("value must be at most 512 bytes");
    assertThat(outcome(r, "saml_response", "settings")).isEqualTo(Map.of());
  }

  @Test
  void enforcesAttributeLimits() {
    assertThat(postLoginRejection((e, api) -> api.call("samlResponse.setAttribute", "n".repeat(1025), "v")).getMessage())
        .contains("attribute must be at most 1024 bytes");
    assertThat(postLoginRejection((e, api) -> api.call("samlResponse.setAttribute", "n", "v".repeat(2048))).getMessage())
        .contains("value must be at most 2048 bytes");
    assertThat(postLoginRejection((e, api) -> api.call("samlResponse.setAttribute", "n", Map.of("a", 1))).getMessage())
        .contains("must be a string, number, boolean, null or an array of those");
    assertThat(postLoginRejection((e, api) -> {
      for (int i = 0; i <= 100; i++) {
        api.call("samlResponse.setAttribute", "attr" + i, "v");
      }
    }).getMessage()).contains("at most 100 attributes");
  }

  @Test
  void validatesTypedSetters() {
    assertThat(postLoginRejection((e, api) -> api.call("samlResponse.setDigestAlgorithm", "md5")).getMessage())
        .contains("value must be one of [sha256, sha1]");
    assertThat(postLoginRejection((e, api) -> api.call("samlResponse.setMapIdentities", "yes")).getMessage())
        .contains("value must be a boolean");
    assertThat(postLoginRejection((e, api) -> api.call("samlResponse.setLifetimeInSeconds", -5)).getMessage())
        .contains("value must be a positive number");
    assertThat(postLoginRejection((e, api) -> api.call("samlResponse.setNameIdentifierProbes",
        List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"))).getMessage())
        .contains("at most 10 probes");
    assertThat(postLoginRejection((e, api) -> api.call("samlResponse.setCert", "c".repeat(4097))).getMessage())
        .contains("at most 4096 bytes");
  }
}
