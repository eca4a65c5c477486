package dev.interlock.core.execution;

/** One console line an action wrote; {@code level} is the console method ({@code log}, ...). */
public record LogEntry(String level, String message) {}
