package dev.interlock.trigger.password;

import dev.interlock.core.trigger.TriggerDefinition;
import dev.interlock.core.trigger.TriggerFamily;
import java.util.List;

/**
 * The Password Reset family: {@code post-change-password} (async, after a database user's
 * password changed) and {@code password-reset-post-challenge} (sync, after the first reset
 * challenge, able to deny, challenge with MFA, redirect or render a form). Outcomes are
 * documented in the module README.
 */
public final class PasswordFamily implements TriggerFamily {
  static final String NAME = "password-reset";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<TriggerDefinition> triggers() {
    return List.of(PostChangePasswordTrigger.definition(), PostChallengeTrigger.definition());
  }
}
