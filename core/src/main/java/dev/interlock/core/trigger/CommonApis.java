package dev.interlock.core.trigger;

import java.util.List;

/** Api methods that every trigger shares. */
public final class CommonApis {
  private CommonApis() {}

  /**
   * {@code api.cache.get/set/delete}, identical on all triggers: scoped to the trigger, errors
   * returned as values. {@code set} and {@code delete} are recorded as commands.
   */
  public static List<ApiMethod> cache() {
    return List.of(
        ApiMethod.query("cache.get")
            .param("key", "string")
            .returnsValue("{ value: string; expires_at: number } | undefined")
            .describedAs("Reads a cache record of this trigger; undefined when absent or expired.")
            .does((call, args) -> call.cache().get(args.string(0, "key"))),
        ApiMethod.command("cache.set")
            .param("key", "string")
            .param("value", "string")
            .optionalParam("options", "{ ttl?: number; expires_at?: number }")
            .returnsValue("CacheWriteResult")
            .describedAs("Stores a string for at most 24 h (default 15 min); errors are returned.")
            .does(
                (call, args) ->
                    call.cache()
                        .set(
                            args.string(0, "key"),
                            args.string(1, "value"),
                            args.optionalObject(2, "options"))),
        ApiMethod.command("cache.delete")
            .param("key", "string")
            .returnsValue("CacheWriteResult")
            .describedAs("Removes a cache record; errors are returned.")
            .does((call, args) -> call.cache().delete(args.string(0, "key"))));
  }
}
