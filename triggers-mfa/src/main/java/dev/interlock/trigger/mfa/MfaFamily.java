package dev.interlock.trigger.mfa;

import dev.interlock.core.trigger.TriggerDefinition;
import dev.interlock.core.trigger.TriggerFamily;
import java.util.List;

/**
 * The MFA-notifications family: the {@code send-phone-message} trigger, through which a tenant with
 * a custom phone provider delivers MFA codes by SMS or voice. The outcome (see the module README)
 * tells the MFA step whether the message was handed off to the provider.
 */
public final class MfaFamily implements TriggerFamily {
  static final String NAME = "mfa-notifications";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<TriggerDefinition> triggers() {
    return List.of(SendPhoneMessageTrigger.definition());
  }
}
