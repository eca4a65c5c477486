package dev.interlock.adapter.rhino.internal;

import org.mozilla.javascript.BaseFunction;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.TopLevel;

/**
 * The global scope of one execution: its own variables, everything else found in the shared
 * scope (its prototype). Answers Rhino's built-in constructor and prototype lookups (done for
 * every object and array literal) straight from the shared scope's cache instead of walking the
 * prototype chain by name.
 */
final class ExecutionScope extends TopLevel {
  private static final long serialVersionUID = 1L;
  private final transient TopLevel shared;

  ExecutionScope(TopLevel shared) {
    this.shared = shared;
    setPrototype(shared);
    setParentScope(null);
  }

  @Override
  public BaseFunction getBuiltinCtor(Builtins type) {
    return shared.getBuiltinCtor(type);
  }

  @Override
  public Scriptable getBuiltinPrototype(Builtins type) {
    return shared.getBuiltinPrototype(type);
  }
}
