package dev.interlock.core.trigger;

/**
 * The Java body of an api method. It validates the arguments (throwing {@link ApiCallException}),
 * may read or update flow state through the {@link ApiCall}, and returns the method's JSON result
 * (ignored for methods that return the api object or nothing).
 */
@FunctionalInterface
public interface ApiFunction {
  Object apply(ApiCall call, Arguments args);
}
