package dev.interlock.trigger.tokenexchange;

import dev.interlock.core.trigger.Schema;
import dev.interlock.core.trigger.common.EventShapes;

/** Event sub-objects of common.md section 13, as this trigger uses them. */
final class Shapes {
  private Shapes() {}

  static Schema client() {
    return EventShapes.client().describedAs("The application that requested the token.");
  }

  static Schema organization() {
    return EventShapes.organization().describedAs("The organization named by the token request, if any.");
  }

  /** The profile shape of {@code transaction.actor_token_user} (as post-login's {@code event.user}). */
  static Schema user() {
    return EventShapes.fullUser()
        .optional("multifactor", Schema.arrayOf(Schema.string()))
        .optional("enrolledFactors", Schema.arrayOf(Schema.mapOf(Schema.any())))
        .describedAs("The user the actor token names.");
  }
}
