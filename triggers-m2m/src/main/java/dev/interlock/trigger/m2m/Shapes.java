package dev.interlock.trigger.m2m;

import dev.interlock.core.trigger.Schema;
import dev.interlock.core.trigger.common.EventShapes;

/** Event sub-objects of common.md section 13, as this trigger uses them. */
final class Shapes {
  private Shapes() {}

  static Schema client() {
    return EventShapes.client().describedAs("The application that requested the token.");
  }

  static Schema organization() {
    return EventShapes.organization().describedAs("The organization the token is requested for, if any.");
  }
}
