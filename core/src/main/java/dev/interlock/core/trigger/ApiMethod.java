package dev.interlock.core.trigger;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One method of a trigger's {@code api} object, such as {@code accessToken.setCustomClaim}.
 *
 * @param path dotted path below {@code api}
 * @param params documented parameters
 * @param returns TypeScript type of the result, for docs and declarations
 * @param returnKind whether the script gets the api object back (chaining), nothing, or a value
 * @param effect what the call does to the flow after the current action
 * @param recordsCommand whether a successful call is recorded as a command in the execution record
 * @param description one sentence for docs
 * @param function the Java body
 */
public record ApiMethod(
    String path,
    List<ApiParam> params,
    String returns,
    ReturnKind returnKind,
    FlowEffect effect,
    boolean recordsCommand,
    String description,
    ApiFunction function) {

  /** What a call hands back to the script. */
  public enum ReturnKind {
    /** The {@code api} object itself, so calls can be chained. */
    API,
    /** {@code undefined}. */
    VOID,
    /** The JSON value the function returned. */
    VALUE,
    /**
     * A promise of the JSON value the function returned (Auth0's async api methods); an {@link
     * ApiCallException} rejects it instead of throwing. Java actions get the value itself.
     */
    PROMISE
  }

  public ApiMethod {
    Objects.requireNonNull(path, "path");
    if (!path.matches("[a-zA-Z][a-zA-Z0-9]*(\\.[a-zA-Z][a-zA-Z0-9]*)+")) {
      throw new IllegalArgumentException("api method path must be namespace.method, got " + path);
    }
    params = List.copyOf(params);
    Objects.requireNonNull(function, "function");
  }

  /** The namespace part, e.g. {@code accessToken}. */
  public String namespace() {
    return path.substring(0, path.lastIndexOf('.'));
  }

  /** The method name, e.g. {@code setCustomClaim}. */
  public String name() {
    return path.substring(path.lastIndexOf('.') + 1);
  }

  /** Starts a method that records a command (an intent applied after the flow). */
  public static Builder command(String path) {
    return new Builder(path, true);
  }

  /** Starts a method that only reads or computes a value; it is not recorded. */
  public static Builder query(String path) {
    return new Builder(path, false).returnsValue("unknown");
  }

  /** Fluent construction of an {@link ApiMethod}. */
  public static final class Builder {
    private final String path;
    private final boolean command;
    private final List<ApiParam> params = new ArrayList<>();
    private String returns = "Api";
    private ReturnKind returnKind = ReturnKind.API;
    private FlowEffect effect = FlowEffect.NONE;
    private String description = "";

    private Builder(String path, boolean command) {
      this.path = path;
      this.command = command;
    }

    public Builder param(String name, String type) {
      params.add(new ApiParam(name, type, false, ""));
      return this;
    }

    public Builder optionalParam(String name, String type) {
      params.add(new ApiParam(name, type, true, ""));
      return this;
    }

    public Builder returnsApi() {
      this.returns = "Api";
      this.returnKind = ReturnKind.API;
      return this;
    }

    public Builder returnsVoid() {
      this.returns = "void";
      this.returnKind = ReturnKind.VOID;
      return this;
    }

    public Builder returnsValue(String type) {
      this.returns = type;
      this.returnKind = ReturnKind.VALUE;
      return this;
    }

    /**
     * The method returns a promise of {@code type}, resolved with the function's result; a
     * function that returns a {@link java.util.concurrent.CompletionStage} settles the promise when
     * the stage completes (an {@link ApiCallException} failure rejects it with that error), and the
     * script waits for it without holding a thread.
     */
    public Builder returnsPromise(String type) {
      this.returns = "Promise<" + type + ">";
      this.returnKind = ReturnKind.PROMISE;
      return this;
    }

    public Builder effect(FlowEffect effect) {
      this.effect = effect;
      return this;
    }

    public Builder describedAs(String description) {
      this.description = description;
      return this;
    }

    public ApiMethod does(ApiFunction function) {
      return new ApiMethod(path, params, returns, returnKind, effect, command, description, function);
    }

    /** A method whose only job is to validate nothing and record the call. */
    public ApiMethod records() {
      return does((call, args) -> null);
    }
  }
}
