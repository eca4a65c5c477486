package dev.interlock.adapter.cli;

import picocli.CommandLine;

/** Creates commands with the shared output, so commands can run in-process in tests. */
final class CommandFactory implements CommandLine.IFactory {
  private final CliOutput out;
  private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

  CommandFactory(CliOutput out) {
    this.out = out;
  }

  @Override
  public <K> K create(Class<K> cls) throws Exception {
    if (cls == RunCommand.class) {
      return cls.cast(new RunCommand(out));
    }
    return fallback.create(cls);
  }
}
