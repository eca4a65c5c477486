package dev.interlock.trigger.signuplogin;

import dev.interlock.core.json.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A JSON object under construction for the event builders ({@link PostLoginEvent}, {@link
 * PreUserRegistrationEvent}, {@link PostUserRegistrationEvent}): typed setters in the subclasses,
 * {@link #set} for anything else. Values are JSON values (maps, lists, strings, numbers, booleans).
 *
 * @param <B> the concrete builder, for chaining
 */
public abstract class EventPart<B extends EventPart<B>> {
  final Map<String, Object> values;

  EventPart(Map<String, Object> values) {
    this.values = values;
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }

  /** Sets any property (a JSON value); replaces the default. */
  public B set(String key, Object value) {
    values.put(key, Json.deepCopy(value));
    return self();
  }

  /** Removes a property, default included (to build events without an optional part). */
  public B without(String key) {
    values.remove(key);
    return self();
  }

  /** Edits a nested object, creating it when absent. */
  @SuppressWarnings("unchecked")
  public B object(String key, Consumer<Plain> edit) {
    Object current = values.get(key);
    Map<String, Object> m = current instanceof Map ? (Map<String, Object>) current : new LinkedHashMap<>();
    values.put(key, m);
    edit.accept(new Plain(m));
    return self();
  }

  /** Puts {@code key: value} into the nested object {@code object} (e.g. metadata). */
  @SuppressWarnings("unchecked")
  B entry(String object, String key, Object value) {
    Object current = values.get(object);
    Map<String, Object> m = current instanceof Map ? (Map<String, Object>) current : new LinkedHashMap<>();
    m.put(key, Json.deepCopy(value));
    values.put(object, m);
    return self();
  }

  static List<Object> list(Object... items) {
    return new ArrayList<>(Arrays.asList(items));
  }

  /** A plain nested object. */
  public static final class Plain extends EventPart<Plain> {
    Plain(Map<String, Object> values) {
      super(values);
    }
  }

  /** {@code event.user}. */
  public static final class User extends EventPart<User> {
    User(Map<String, Object> values) {
      super(values);
    }

    public User userId(String v) {
      return set("user_id", v);
    }

    public User email(String v) {
      return set("email", v);
    }

    public User emailVerified(boolean v) {
      return set("email_verified", v);
    }

    public User username(String v) {
      return set("username", v);
    }

    public User name(String v) {
      return set("name", v);
    }

    public User phoneNumber(String v) {
      return set("phone_number", v);
    }

    public User appMetadata(String key, Object value) {
      return entry("app_metadata", key, value);
    }

    public User userMetadata(String key, Object value) {
      return entry("user_metadata", key, value);
    }

    /** Enrolled MFA factor, e.g. {@code otp} or {@code phone}. */
    @SuppressWarnings("unchecked")
    public User enrolledFactor(String type) {
      List<Object> factors = values.get("enrolledFactors") instanceof List
          ? (List<Object>) values.get("enrolledFactors") : list();
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("type", type);
      factors.add(f);
      values.put("enrolledFactors", factors);
      return this;
    }
  }

  /** {@code event.request}. */
  public static final class Request extends EventPart<Request> {
    Request(Map<String, Object> values) {
      super(values);
    }

    public Request ip(String v) {
      return set("ip", v);
    }

    public Request hostname(String v) {
      return set("hostname", v);
    }

    public Request method(String v) {
      return set("method", v);
    }

    public Request language(String v) {
      return set("language", v);
    }

    /** A query parameter of the authorization request (post-login). */
    public Request query(String key, String value) {
      return entry("query", key, value);
    }

    /** A POST body field (custom signup fields in pre-user-registration). */
    public Request body(String key, Object value) {
      return entry("body", key, value);
    }
  }

  /** {@code event.transaction}. */
  public static final class Transaction extends EventPart<Transaction> {
    Transaction(Map<String, Object> values) {
      super(values);
    }

    public Transaction protocol(String v) {
      return set("protocol", v);
    }

    public Transaction requestedScopes(String... scopes) {
      return set("requested_scopes", list((Object[]) scopes));
    }

    public Transaction prompt(String... prompts) {
      return set("prompt", list((Object[]) prompts));
    }

    /** Transaction metadata present when the flow starts (post-login). */
    public Transaction metadata(String key, Object value) {
      return entry("metadata", key, value);
    }
  }
}
