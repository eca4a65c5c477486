package dev.interlock.adapter.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by the management commands: where the local store is and how to print. */
final class StoreOptions {
  private final java.util.function.Function<String, String> env;

  StoreOptions(java.util.function.Function<String, String> env) {
    this.env = env;
  }

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      defaultValue = ".interlock",
      description = "local data directory (SQLite store and secret key file; default: ${DEFAULT-VALUE})")
  Path dataDir;

  @Option(names = "--json", description = "print JSON for scripts instead of a table")
  boolean json;

  @Option(
      names = "--server",
      paramLabel = "URL",
      description = "a remote Interlock server (its HTTP API) instead of the local data directory;"
          + " the token is read from the environment variable INTERLOCK_TOKEN")
  String server;

  Target open(CliOutput out) {
    if (server != null) {
      return RemoteTarget.connect(server, env.apply(RemoteTarget.TOKEN_ENV));
    }
    return LocalEngine.open(dataDir, out);
  }

  String where() {
    return server != null ? server : dataDir.toString();
  }
}
