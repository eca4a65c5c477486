package dev.interlock.adapter.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code interlock completion}: prints a bash completion script for every command. */
@Command(name = "completion", mixinStandardHelpOptions = true,
    description = {"Prints a bash (and zsh with bashcompinit) completion script.",
        "Install it with: source <(interlock completion)."})
final class CompletionCommand implements Callable<Integer> {
  private final CliOutput out;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  CompletionCommand(CliOutput out) {
    this.out = out;
  }

  @Override
  public Integer call() {
    out.result(AutoComplete.bash("interlock", spec.root().commandLine()));
    return 0;
  }
}
