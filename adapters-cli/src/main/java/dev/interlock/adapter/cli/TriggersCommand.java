package dev.interlock.adapter.cli;

import dev.interlock.core.trigger.ApiMethod;
import dev.interlock.core.trigger.ApiParam;
import dev.interlock.core.trigger.Schema;
import dev.interlock.core.trigger.TriggerCatalog;
import dev.interlock.core.trigger.TriggerDefinition;
import dev.interlock.core.trigger.TriggerFamily;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code interlock triggers list|describe}: the trigger contracts this build knows. */
@Command(name = "triggers", mixinStandardHelpOptions = true, description = "Lists and describes triggers.")
final class TriggersCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  /** Without a subcommand: a usage error (exit 2) that lists the subcommands. */
  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }

  private final CliOutput out;

  TriggersCommand(CliOutput out) {
    this.out = out;
  }

  static TriggerCatalog catalog() {
    return TriggerCatalog.of(TriggerCatalog.discoverFamilies(TriggerFamily.class.getClassLoader()));
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the known triggers.")
  int list(@Option(names = "--json", description = "print JSON") boolean json) {
    List<Object> rows = new ArrayList<>();
    Table t = new Table("TRIGGER", "VERSION", "MODE", "FAMILY", "DESCRIPTION");
    for (TriggerDefinition d : catalog().all()) {
      t.row(d.id().value(), d.version(), d.mode().name().toLowerCase(java.util.Locale.ROOT), d.family(), d.description());
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", d.id().value());
      m.put("version", d.version());
      m.put("mode", d.mode().name().toLowerCase(java.util.Locale.ROOT));
      m.put("family", d.family());
      m.put("description", d.description());
      rows.add(m);
    }
    out.result(json ? PrettyJson.write(rows) : t.toString());
    return 0;
  }

  @Command(name = "describe", mixinStandardHelpOptions = true,
      description = "Shows a trigger's event fields (from its schema) and api methods (from its contract).")
  int describe(
      @Parameters(paramLabel = "TRIGGER", description = "trigger id") String id,
      @Option(names = "--json", description = "print JSON") boolean json) {
    TriggerDefinition d = catalog().find(ActionsCommand.triggerId(id))
        .orElseThrow(() -> new InputException("TRIGGER: unknown trigger '" + id + "'"));
    List<Map<String, Object>> fields = new ArrayList<>();
    fields(d.event(), "event", fields);
    List<Map<String, Object>> methods = new ArrayList<>();
    for (ApiMethod m : d.api().methods()) {
      Map<String, Object> j = new LinkedHashMap<>();
      j.put("method", "api." + m.path());
      j.put("signature", signature(m));
      j.put("returns", m.returns());
      j.put("effect", m.effect().name().toLowerCase(java.util.Locale.ROOT));
      j.put("recorded", m.recordsCommand());
      j.put("description", m.description());
      methods.add(j);
    }
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", d.id().value());
      m.put("version", d.version());
      m.put("mode", d.mode().name().toLowerCase(java.util.Locale.ROOT));
      m.put("handler", d.handler());
      m.put("resume_handler", d.resumeHandler());
      m.put("description", d.description());
      m.put("event", fields);
      m.put("api", methods);
      out.result(PrettyJson.write(m));
      return 0;
    }
    out.result(d.id().value() + " (" + d.version() + ", " + d.mode().name().toLowerCase(java.util.Locale.ROOT) + "): "
        + d.description());
    out.result("handler: exports." + d.handler() + (d.resumeHandler() == null ? "" : ", exports." + d.resumeHandler()));
    out.result("");
    Table ft = new Table("EVENT FIELD", "TYPE", "REQUIRED", "DESCRIPTION");
    fields.forEach(f -> ft.row(f.get("path"), f.get("type"), f.get("required"), f.get("description")));
    out.result(ft.toString());
    out.result("");
    Table mt = new Table("API METHOD", "RETURNS", "EFFECT", "DESCRIPTION");
    methods.forEach(m -> mt.row(m.get("signature"), m.get("returns"), m.get("effect"), m.get("description")));
    out.result(mt.toString());
    return 0;
  }

  static String signature(ApiMethod m) {
    return "api." + m.path() + "(" + m.params().stream().map(TriggersCommand::param).collect(Collectors.joining(", "))
        + ")";
  }

  private static String param(ApiParam p) {
    return p.name() + (p.optional() ? "?" : "") + ": " + p.type();
  }

  private static void fields(Schema s, String path, List<Map<String, Object>> out) {
    for (Schema.Property p : s.properties()) {
      String child = path + "." + p.name();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("path", child);
      m.put("type", SchemaText.shallowType(p.schema()));
      m.put("required", p.required() ? "yes" : "");
      m.put("description", p.schema().description());
      out.add(m);
      Schema nested = p.schema();
      if (nested.kind() == Schema.Kind.ARRAY && nested.items() != null) {
        fields(nested.items(), child + "[]", out);
      } else if (nested.kind() == Schema.Kind.MAP && nested.items() != null) {
        fields(nested.items(), child + "[*]", out);
      } else {
        fields(nested, child, out);
      }
    }
  }
}
