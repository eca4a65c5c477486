package dev.interlock.trigger.signuplogin;

import dev.interlock.core.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Test-data and integration builder for {@code post-login} v3 events: a complete, valid event of
 * a password login to a web application with a session, adjustable part by part.
 *
 * <pre>{@code
 * Map<String, Object> event = PostLoginEvent.builder().user(u -> u.email("a@b.c")).build();
 * }</pre>
 */
public final class PostLoginEvent {
  private PostLoginEvent() {}

  public static Builder builder() {
    return new Builder();
  }

  /** Builds the event map; every call to {@link #build} returns a fresh deep copy. */
  public static final class Builder extends EventPart<Builder> {
    Builder() {
      super(Defaults.postLogin());
    }

    public Builder user(Consumer<EventPart.User> edit) {
      edit.accept(new EventPart.User(Defaults.child(values, "user")));
      return this;
    }

    public Builder request(Consumer<EventPart.Request> edit) {
      edit.accept(new EventPart.Request(Defaults.child(values, "request")));
      return this;
    }

    public Builder transaction(Consumer<EventPart.Transaction> edit) {
      edit.accept(new EventPart.Transaction(Defaults.child(values, "transaction")));
      return this;
    }

    public Builder client(Consumer<EventPart.Plain> edit) {
      return object("client", edit);
    }

    public Builder connection(Consumer<EventPart.Plain> edit) {
      return object("connection", edit);
    }

    public Builder session(Consumer<EventPart.Plain> edit) {
      return object("session", edit);
    }

    /** Adds {@code event.refresh_token} (id and created_at set) and lets you adjust it. */
    public Builder refreshToken(Consumer<EventPart.Plain> edit) {
      return object("refresh_token", p -> {
        p.values.putIfAbsent("id", "rt_1");
        p.values.putIfAbsent("created_at", Defaults.CREATED);
        edit.accept(p);
      });
    }

    /** Sets {@code event.resource_server.identifier}, the requested API audience. */
    public Builder audience(String identifier) {
      return object("resource_server", p -> p.set("identifier", identifier));
    }

    public Builder organization(String id, String name) {
      return object("organization", p -> p.set("id", id).set("name", name).set("display_name", name)
          .set("metadata", new LinkedHashMap<>()));
    }

    public Map<String, Object> build() {
      return Json.copyObject(values);
    }
  }
}
