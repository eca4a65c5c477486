package dev.interlock.core.admin;

import dev.interlock.core.action.ActionId;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An immutable deployed version as callers see it: secret names only. */
public record VersionView(
    String id,
    ActionId actionId,
    int number,
    String code,
    String runtime,
    Map<String, String> dependencies,
    List<String> secretNames,
    boolean deployed,
    Instant createdAt) {
  public VersionView {
    dependencies = Map.copyOf(dependencies);
    secretNames = List.copyOf(secretNames);
  }
}
