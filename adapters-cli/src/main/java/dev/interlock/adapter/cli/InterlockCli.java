package dev.interlock.adapter.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code interlock} command line: run and test Auth0-compatible Actions locally and in CI. */
@Command(
    name = "interlock",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Runs Auth0-compatible Actions at identity triggers.",
    subcommands = {
      RunCommand.class,
      TestCommand.class,
      ActionsCommand.class,
      BindingsCommand.class,
      ExecutionsCommand.class,
      SecretsCommand.class,
      ExportCommand.class,
      ImportCommand.class,
      TriggersCommand.class,
      TypesCommand.class,
      CompletionCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Exit codes:",
      "  0  the command ran (for run: the flow ran, whatever its status)",
      "  1  test: at least one test case failed",
      "  2  usage error (unknown option, missing argument)",
      "  3  input error (unreadable file, invalid JSON, event does not fit the",
      "     trigger, unknown trigger or action, a change refused by the lifecycle)",
      "  4  platform error (Interlock itself failed)"
    })
public final class InterlockCli implements Runnable {
  /** Input the user must fix. */
  public static final int EXIT_INPUT = 3;
  /** Interlock itself failed. */
  public static final int EXIT_PLATFORM = 4;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  /** Builds the command line with Interlock's error handling, writing to the given streams. */
  public static CommandLine commandLine(CliOutput out) {
    return commandLine(out, System.in);
  }

  /** As {@link #commandLine(CliOutput)}, reading secret values and {@code -} files from {@code in}. */
  public static CommandLine commandLine(CliOutput out, java.io.InputStream in) {
    return commandLine(out, in, System::getenv);
  }

  /** As {@link #commandLine(CliOutput, java.io.InputStream)}, with the environment (INTERLOCK_TOKEN) given. */
  public static CommandLine commandLine(
      CliOutput out, java.io.InputStream in, java.util.function.Function<String, String> env) {
    CommandLine cl = new CommandLine(new InterlockCli(), new CommandFactory(out, in, env));
    cl.setOut(out.outWriter());
    cl.setErr(out.errWriter());
    cl.setExecutionExceptionHandler(new ErrorHandler(out));
    return cl;
  }

  public static void main(String[] args) {
    CliOutput out = CliOutput.system();
    int code = commandLine(out).execute(args);
    out.flush();
    System.exit(code);
  }
}
