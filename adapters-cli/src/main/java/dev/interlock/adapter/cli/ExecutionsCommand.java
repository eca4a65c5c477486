package dev.interlock.adapter.cli;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code interlock executions show ID}: an execution record from the local store or a server. */
@Command(name = "executions", mixinStandardHelpOptions = true, description = "Inspects execution records.")
final class ExecutionsCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  /** Without a subcommand: a usage error (exit 2) that lists the subcommands. */
  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }

  private final CliOutput out;

  ExecutionsCommand(CliOutput out) {
    this.out = out;
  }

  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "Prints an execution record (JSON with --json, a summary otherwise).")
  int show(@Mixin StoreOptions store, @Parameters(paramLabel = "ID", description = "execution id") String id) {
    try (Target engine = store.open(out)) {
      Map<String, Object> json = engine.execution(id)
          .orElseThrow(() -> new InputException("ID: no execution " + id + " in " + store.where()));
      if (store.json) {
        out.result(PrettyJson.write(json));
        return 0;
      }
      Object error = json.get("error") instanceof Map<?, ?> e ? e.get("message") : null;
      out.result(new Table("FIELD", "VALUE").row("id", json.get("id")).row("trigger", json.get("trigger_id"))
          .row("status", json.get("status")).row("created", json.get("created_at")).row("error", error).toString());
      out.result("");
      out.result(PrettyJson.write(json.get("results")));
    }
    return 0;
  }
}
