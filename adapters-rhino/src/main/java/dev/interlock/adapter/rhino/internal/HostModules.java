package dev.interlock.adapter.rhino.internal;

import org.mozilla.javascript.Context;
import org.mozilla.javascript.Scriptable;

/**
 * The modules {@code require} can return (Node core modules such as {@code crypto}, bundled npm
 * packages, Actions Modules); the Node compatibility layer ({@code internal.node.NodeModules})
 * implements it. Implementations must hand scripts JavaScript values only, never Java
 * objects, and must not share mutable objects between executions: the objects they build once
 * are frozen with the shared scope (see {@link #exports()}); state that must change lives per
 * execution.
 */
public interface HostModules {

  /** Whether {@code require(name)} can succeed; checked at load time for literal names. */
  boolean provides(String name);

  /** The module's exports for the current execution, built in {@code scope}. */
  Object require(Context cx, Scriptable scope, String name);

  /** The names {@code require} accepts, for error messages. */
  default java.util.List<String> names() {
    return java.util.List.of();
  }

  /** Defines the globals that come with the modules; called once, before the scope is sealed. */
  default void installGlobals(Context cx, org.mozilla.javascript.ScriptableObject global) {}

  /**
   * Every module object {@code require} hands out, once {@link #installGlobals} has built them: the
   * runtime freezes them with the shared scope.
   */
  default java.util.Collection<Object> exports() {
    return java.util.List.of();
  }

  /** No modules at all. */
  static HostModules none() {
    return new HostModules() {
      @Override
      public boolean provides(String name) {
        return false;
      }

      @Override
      public Object require(Context cx, Scriptable scope, String name) {
        throw new IllegalArgumentException(name);
      }
    };
  }
}
