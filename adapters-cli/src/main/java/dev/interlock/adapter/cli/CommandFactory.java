package dev.interlock.adapter.cli;

import java.io.InputStream;
import picocli.CommandLine;

/** Creates commands with the shared output, so commands can run in-process in tests. */
final class CommandFactory implements CommandLine.IFactory {
  private final CliOutput out;
  private final InputStream in;
  private final java.util.function.Function<String, String> env;
  private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

  CommandFactory(CliOutput out, InputStream in, java.util.function.Function<String, String> env) {
    this.out = out;
    this.in = in;
    this.env = env;
  }

  @Override
  public <K> K create(Class<K> cls) throws Exception {
    Object command;
    if (cls == StoreOptions.class) {
      command = new StoreOptions(env);
    } else if (cls == RunCommand.class) {
      command = new RunCommand(out);
    } else if (cls == ActionsCommand.class) {
      command = new ActionsCommand(out);
    } else if (cls == BindingsCommand.class) {
      command = new BindingsCommand(out);
    } else if (cls == ExecutionsCommand.class) {
      command = new ExecutionsCommand(out);
    } else if (cls == SecretsCommand.class) {
      command = new SecretsCommand(out, in);
    } else if (cls == ExportCommand.class) {
      command = new ExportCommand(out);
    } else if (cls == ImportCommand.class) {
      command = new ImportCommand(out);
    } else if (cls == TriggersCommand.class) {
      command = new TriggersCommand(out);
    } else if (cls == TestCommand.class) {
      command = new TestCommand(out);
    } else if (cls == TypesCommand.class) {
      command = new TypesCommand(out);
    } else if (cls == CompletionCommand.class) {
      command = new CompletionCommand(out);
    } else {
      return fallback.create(cls);
    }
    return cls.cast(command);
  }
}
