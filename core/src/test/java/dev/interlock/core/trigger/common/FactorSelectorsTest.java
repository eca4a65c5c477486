package dev.interlock.core.trigger.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interlock.core.trigger.ApiCallException;
import dev.interlock.core.trigger.Arguments;
import dev.interlock.core.trigger.common.FactorSelectors.Purpose;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FactorSelectorsTest {
  private final Arguments args = new Arguments("authentication.challengeWith", List.of());

  @Test
  void acceptsEveryChallengeTypeOfTheReference() {
    for (String type : List.of("otp", "email", "webauthn-platform", "webauthn-roaming", "recovery-code", "phone",
        "push", "push-notification")) {
      assertThat(FactorSelectors.validate(Map.of("type", type), Purpose.CHALLENGE, args, "factor")).containsEntry("type", type);
    }
  }

  @Test
  void refusesEmailForEnrollment() {
    assertThatThrownBy(() -> FactorSelectors.validate(Map.of("type", "email"), Purpose.ENROLLMENT, args, "factor"))
        .isInstanceOf(ApiCallException.class)
        .hasMessageStartingWith("api.authentication.challengeWith: factor.type must be one of");
  }

  @Test
  void checksFactorSpecificOptions() {
    assertThatThrownBy(() -> FactorSelectors.validate(
        Map.of("type", "push", "options", Map.of("otpFallback", "yes")), Purpose.CHALLENGE, args, "factor"))
        .hasMessageContaining("factor.options.otpFallback must be a boolean");
    assertThat(FactorSelectors.validate(
        Map.of("type", "phone", "options", Map.of("preferredMethod", "voice")), Purpose.CHALLENGE, args, "factor"))
        .isNotNull();
  }

  @Test
  void namesTheOffendingListEntry() {
    assertThatThrownBy(() -> FactorSelectors.validateList(List.of(Map.of("type", "otp"), 3), Purpose.CHALLENGE, args, "factors", true))
        .hasMessageContaining("factors[1] must be a factor selector object, got number");
  }
}
