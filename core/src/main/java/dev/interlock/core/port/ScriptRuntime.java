package dev.interlock.core.port;

import dev.interlock.core.trigger.TriggerDefinition;

/**
 * Driven port: runs action code. One implementation per language (the Rhino adapter for
 * JavaScript, {@code JavaActionRuntime} in core for actions written in Java); the engine picks the
 * one that {@link #supports} the action's runtime name.
 */
public interface ScriptRuntime {

  /** Whether this runtime runs actions declared with {@code runtime} (e.g. {@code node22}). */
  boolean supports(String runtime);

  /**
   * Loads an action for a trigger: transpile, compile, check the module contract. Called once per
   * action version (the engine caches the result); may be expensive.
   *
   * @throws dev.interlock.core.ActionDefinitionException when the code cannot run, with problems
   *     pointing at {@code line:column} of the author's source
   */
  LoadedAction load(ActionSource source, TriggerDefinition trigger);
}
