package dev.interlock.trigger.signuplogin;

import dev.interlock.core.json.Json;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Builder for {@code pre-user-registration} v2 events: a database signup of a candidate user
 * (no user id yet) through Universal Login.
 */
public final class PreUserRegistrationEvent {
  private PreUserRegistrationEvent() {}

  public static Builder builder() {
    return new Builder();
  }

  /** Builds the event map; every call to {@link #build} returns a fresh deep copy. */
  public static final class Builder extends EventPart<Builder> {
    Builder() {
      super(Defaults.preUserRegistration());
    }

    public Builder user(Consumer<EventPart.User> edit) {
      edit.accept(new EventPart.User(Defaults.child(values, "user")));
      return this;
    }

    public Builder request(Consumer<EventPart.Request> edit) {
      edit.accept(new EventPart.Request(Defaults.child(values, "request")));
      return this;
    }

    public Builder connection(Consumer<EventPart.Plain> edit) {
      return object("connection", edit);
    }

    public Map<String, Object> build() {
      return Json.copyObject(values);
    }
  }
}
