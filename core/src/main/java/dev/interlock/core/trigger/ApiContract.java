package dev.interlock.core.trigger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The methods of a trigger's {@code api} object. A method the contract lacks does not exist on
 * the script's {@code api}: calling it is a {@code TypeError}, as on Auth0.
 */
public final class ApiContract {
  private final Map<String, ApiMethod> methods;

  private ApiContract(Map<String, ApiMethod> methods) {
    this.methods = methods;
  }

  /** A contract of the given methods; duplicate paths are an error. */
  public static ApiContract of(Collection<ApiMethod> methods) {
    Map<String, ApiMethod> m = new LinkedHashMap<>();
    for (ApiMethod method : methods) {
      if (m.put(method.path(), method) != null) {
        throw new IllegalArgumentException("api method defined twice: " + method.path());
      }
    }
    return new ApiContract(java.util.Collections.unmodifiableMap(m));
  }

  /** Concatenates method groups (e.g. a family's own methods and the shared cache methods). */
  @SafeVarargs
  public static ApiContract of(List<ApiMethod>... groups) {
    List<ApiMethod> all = new ArrayList<>();
    for (List<ApiMethod> g : groups) {
      all.addAll(g);
    }
    return of(all);
  }

  public List<ApiMethod> methods() {
    return List.copyOf(methods.values());
  }

  public Optional<ApiMethod> find(String path) {
    return Optional.ofNullable(methods.get(path));
  }

  /** Namespace names in declaration order, e.g. {@code [access, accessToken, cache]}. */
  public List<String> namespaces() {
    List<String> out = new ArrayList<>();
    for (ApiMethod m : methods.values()) {
      if (!out.contains(m.namespace())) {
        out.add(m.namespace());
      }
    }
    return out;
  }
}
