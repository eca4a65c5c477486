package dev.interlock.trigger.m2m;

import dev.interlock.core.trigger.TriggerDefinition;
import dev.interlock.core.trigger.TriggerFamily;
import java.util.List;

/**
 * The Machine-to-Machine family: the {@code credentials-exchange} trigger, run before an access
 * token is issued for a client-credentials grant. Its outcome (see the module README) tells the
 * token endpoint which claims to add, which target scopes to intersect with the grant, or which
 * OAuth error to return.
 */
public final class MachineToMachineFamily implements TriggerFamily {
  static final String NAME = "machine-to-machine";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<TriggerDefinition> triggers() {
    return List.of(CredentialsExchangeTrigger.definition());
  }
}
