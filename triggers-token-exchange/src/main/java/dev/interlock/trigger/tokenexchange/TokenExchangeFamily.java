package dev.interlock.trigger.tokenexchange;

import dev.interlock.core.trigger.TriggerDefinition;
import dev.interlock.core.trigger.TriggerFamily;
import java.util.List;

/**
 * The Custom Token Exchange family: the {@code custom-token-exchange} trigger, whose single action
 * validates a custom subject token and selects the user tokens are issued for. The outcome (see
 * the module README) names that user, the organization, the actor and metadata changes, or the
 * OAuth error to return.
 *
 * <p>{@code api.transaction.setMetadata} exists on Auth0 only behind the feature flag {@code
 * actions_cte_transaction_metadata}; the service-loaded family leaves it out, {@link
 * #withTransactionMetadata()} includes it.
 */
public final class TokenExchangeFamily implements TriggerFamily {
  static final String NAME = "custom-token-exchange";
  private final boolean transactionMetadata;

  /** The family as Auth0 ships it by default: without {@code transaction.setMetadata}. */
  public TokenExchangeFamily() {
    this(false);
  }

  private TokenExchangeFamily(boolean transactionMetadata) {
    this.transactionMetadata = transactionMetadata;
  }

  /** The family with the flag-gated {@code api.transaction.setMetadata} enabled. */
  public static TokenExchangeFamily withTransactionMetadata() {
    return new TokenExchangeFamily(true);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<TriggerDefinition> triggers() {
    return List.of(CustomTokenExchangeTrigger.definition(transactionMetadata));
  }
}
