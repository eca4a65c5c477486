package dev.interlock.trigger.m2m;

import dev.interlock.core.trigger.Schema;
import dev.interlock.core.trigger.common.EventShapes;

/** Event sub-objects of common.md section 13, as this trigger uses them. */
final class Shapes {
  private Shapes() {}

  static Schema stringMap() {
    return EventShapes.stringMap();
  }

  static Schema geoip() {
    return EventShapes.geoip();
  }

  /** {@code event.request} of a token request: a body, no query. */
  static Schema tokenRequest() {
    return EventShapes.tokenRequest();
  }

  static Schema client() {
    return EventShapes.client().describedAs("The application that requested the token.");
  }

  static Schema tenant() {
    return EventShapes.tenant();
  }

  static Schema customDomain() {
    return EventShapes.customDomain();
  }

  static Schema organization() {
    return EventShapes.organization().describedAs("The organization the token is requested for, if any.");
  }

  static Schema resourceServer() {
    return EventShapes.resourceServer();
  }

  static Schema agent() {
    return EventShapes.agent();
  }
}
