package dev.interlock.adapter.cli;

import dev.interlock.core.action.Binding;
import dev.interlock.core.action.TriggerBindings;
import dev.interlock.core.admin.ActionAdministration;
import dev.interlock.core.admin.BindingRequest;
import dev.interlock.core.trigger.TriggerId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code interlock bindings ...}: which deployed actions run at a trigger, in which order. */
@Command(name = "bindings", mixinStandardHelpOptions = true,
    description = "Shows and replaces a trigger's ordered bindings (local store or --server).")
final class BindingsCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  /** Without a subcommand: a usage error (exit 2) that lists the subcommands. */
  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }

  private final CliOutput out;

  BindingsCommand(CliOutput out) {
    this.out = out;
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows the trigger's bound actions in order.")
  int show(
      @Mixin StoreOptions store,
      @Option(names = "--trigger", required = true, paramLabel = "ID", description = "trigger id") String trigger) {
    try (Target engine = store.open(out)) {
      print(store, engine.admin(), engine.admin().bindings(ActionsCommand.triggerId(trigger)));
    }
    return 0;
  }

  @Command(name = "set", mixinStandardHelpOptions = true,
      description = "Replaces the trigger's bindings with the given deployed actions, in order (none: unbind all).")
  int set(
      @Mixin StoreOptions store,
      @Option(names = "--trigger", required = true, paramLabel = "ID", description = "trigger id") String trigger,
      @Parameters(arity = "0..*", paramLabel = "ACTION", description = "action ids or names, in execution order")
          List<String> actions) {
    TriggerId id = ActionsCommand.triggerId(trigger);
    try (Target engine = store.open(out)) {
      ActionAdministration admin = engine.admin();
      List<BindingRequest> requests = new ArrayList<>();
      for (String ref : actions == null ? List.<String>of() : actions) {
        requests.add(BindingRequest.of(ActionsCommand.resolve(admin, ref)));
      }
      long revision = admin.bindings(id).revision();
      print(store, admin, admin.replaceBindings(id, requests, revision));
    }
    return 0;
  }

  private void print(StoreOptions store, ActionAdministration admin, TriggerBindings b) {
    if (store.json) {
      out.result(PrettyJson.write(Views.bindings(b)));
      return;
    }
    Map<String, String> names = new LinkedHashMap<>();
    admin.list(Optional.of(b.trigger())).forEach(a -> names.put(a.id().value(), a.name()));
    Table t = new Table("#", "ACTION", "NAME", "BINDING");
    int n = 1;
    for (Binding x : b.bindings()) {
      t.row(n++, x.action().value(), names.get(x.action().value()), x.id());
    }
    out.result(b.bindings().isEmpty() ? "no actions bound to " + b.trigger().value() : t.toString());
  }
}
