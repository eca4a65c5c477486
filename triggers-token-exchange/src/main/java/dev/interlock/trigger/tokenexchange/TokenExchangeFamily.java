package dev.interlock.trigger.tokenexchange;

import dev.interlock.core.trigger.TriggerDefinition;
import dev.interlock.core.trigger.TriggerFamily;
import java.util.List;

/**
 * The Custom Token Exchange family: the {@code custom-token-exchange} trigger, whose single action
 * validates a custom subject token and selects the user tokens are issued for. The outcome (see
 * the module README) names that user, the organization, the actor and metadata changes, or the
 * OAuth error to return.
 */
public final class TokenExchangeFamily implements TriggerFamily {
  static final String NAME = "custom-token-exchange";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<TriggerDefinition> triggers() {
    return List.of(CustomTokenExchangeTrigger.definition());
  }
}
