/**
 * The Rhino JavaScript runtime for Interlock: runs Auth0-style Actions ({@code exports.onExecutePostLogin
 * = async (event, api) => {...}}) written for Node 12-22, unmodified.
 *
 * <p>Public API: {@link dev.interlock.adapter.rhino.RhinoModule} (Guice), {@link
 * dev.interlock.adapter.rhino.RhinoRuntimes} (without Guice) and {@link dev.interlock.adapter.rhino.RhinoConfig}
 * (per-execution limits). Everything else is in {@code internal}.
 *
 * <p>How it works: at load time the author's code is transpiled to ES5 with Google Closure Compiler
 * (Rhino lacks async/await, classes, spread calls, block scoping, ...), checked (syntax, literal
 * {@code require}s, async handlers; problems at the author's {@code line:column}) and compiled to
 * JVM bytecode once. Each execution gets a new Context and a fresh global scope whose prototype is
 * one sealed, hardened shared scope; the module's top-level code runs in that fresh scope on every
 * execution, so no state is shared between executions (Auth0 keeps module state per worker but says
 * not to rely on it). Time, allocation, promise jobs, timers and stack are bounded per execution.
 */
package dev.interlock.adapter.rhino;
