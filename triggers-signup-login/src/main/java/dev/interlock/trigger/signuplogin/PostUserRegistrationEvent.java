package dev.interlock.trigger.signuplogin;

import dev.interlock.core.json.Json;
import java.util.Map;
import java.util.function.Consumer;

/** Builder for {@code post-user-registration} v2 events: a user just created in a database. */
public final class PostUserRegistrationEvent {
  private PostUserRegistrationEvent() {}

  public static Builder builder() {
    return new Builder();
  }

  /** Builds the event map; every call to {@link #build} returns a fresh deep copy. */
  public static final class Builder extends EventPart<Builder> {
    Builder() {
      super(Defaults.postUserRegistration());
    }

    public Builder user(Consumer<EventPart.User> edit) {
      edit.accept(new EventPart.User(Defaults.child(values, "user")));
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
