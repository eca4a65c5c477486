package dev.interlock.adapter.cli;

import dev.interlock.core.execution.ExecutionId;
import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.execution.ExecutionRecordJson;
import dev.interlock.core.port.StoredExecution;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code interlock executions show ID}: an execution record from the local store. */
@Command(name = "executions", mixinStandardHelpOptions = true, description = "Inspects execution records.")
final class ExecutionsCommand {
  private final CliOutput out;

  ExecutionsCommand(CliOutput out) {
    this.out = out;
  }

  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "Prints an execution record (JSON with --json, a summary otherwise).")
  int show(@Mixin StoreOptions store, @Parameters(paramLabel = "ID", description = "execution id") String id) {
    ExecutionId executionId;
    try {
      executionId = new ExecutionId(id);
    } catch (IllegalArgumentException e) {
      throw new InputException("ID: " + e.getMessage());
    }
    try (LocalEngine engine = store.open(out)) {
      StoredExecution stored = engine.executions().find(executionId)
          .orElseThrow(() -> new InputException("ID: no execution " + id + " in " + store.dataDir));
      ExecutionRecord r = stored.record();
      Map<String, Object> json = ExecutionRecordJson.toJson(r);
      if (store.json) {
        out.result(PrettyJson.write(json));
        return 0;
      }
      out.result(new Table("FIELD", "VALUE").row("id", json.get("id")).row("trigger", json.get("trigger_id"))
          .row("status", json.get("status")).row("created", json.get("created_at"))
          .row("error", r.error() == null ? null : r.error().message()).toString());
      out.result("");
      out.result(PrettyJson.write(json.get("results")));
    }
    return 0;
  }
}
