/**
 * In-memory implementations of the store and cache ports: the engine's defaults, for tests,
 * embedding and single-process use. Nothing survives a restart; use a durable adapter for that.
 */
package dev.interlock.core.memory;
