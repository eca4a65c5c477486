package dev.interlock.core.trigger;

/** A documented parameter of an api method; {@code type} is written as in TypeScript. */
public record ApiParam(String name, String type, boolean optional, String description) {}
