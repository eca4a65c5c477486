package dev.interlock.adapter.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by the management commands: where the local store is and how to print. */
final class StoreOptions {
  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      defaultValue = ".interlock",
      description = "local data directory (SQLite store and secret key file; default: ${DEFAULT-VALUE})")
  Path dataDir;

  @Option(names = "--json", description = "print JSON for scripts instead of a table")
  boolean json;

  LocalEngine open(CliOutput out) {
    return LocalEngine.open(dataDir, out);
  }
}
