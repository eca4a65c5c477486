package dev.interlock.adapter.cli;

import dev.interlock.core.action.ActionId;
import dev.interlock.core.admin.ActionAdministration;
import dev.interlock.core.admin.ActionView;
import dev.interlock.core.admin.DraftChange;
import dev.interlock.core.admin.NewAction;
import dev.interlock.core.admin.VersionView;
import dev.interlock.core.trigger.TriggerId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code interlock actions ...}: the action lifecycle (like {@code auth0 actions}) against the
 * local store. ACTION arguments accept an action's id or its name.
 */
@Command(
    name = "actions",
    mixinStandardHelpOptions = true,
    description = "Creates, edits, deploys, rolls back and inspects actions (local store or --server).",
    subcommandsRepeatable = false)
final class ActionsCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  /** Without a subcommand: a usage error (exit 2) that lists the subcommands. */
  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }

  private final CliOutput out;

  ActionsCommand(CliOutput out) {
    this.out = out;
  }

  @Command(name = "create", mixinStandardHelpOptions = true, description = "Creates an action from a code file.")
  int create(
      @Mixin StoreOptions store,
      @Option(names = "--trigger", required = true, paramLabel = "ID", description = "trigger id, e.g. post-login") String trigger,
      @Option(names = "--name", required = true, paramLabel = "NAME", description = "action name") String name,
      @Option(names = "--file", required = true, paramLabel = "FILE", description = "JavaScript code file") Path file,
      @Option(names = "--runtime", paramLabel = "RUNTIME", description = "runtime (default node22)") String runtime,
      @Option(names = "--dependency", paramLabel = "NAME@VERSION",
          description = "an npm dependency the code declares, e.g. auth0@4.6.0 (repeatable)") List<String> dependencies,
      @Option(names = "--deploy", description = "deploy right after creating") boolean deploy) {
    NewAction request = new NewAction(name, triggerId(trigger), RunCommand.read(file), runtime, dependencies(dependencies), null,
        deploy);
    try (Target engine = store.open(out)) {
      ActionView a = engine.admin().create(request);
      print(store, a, "created action " + a.name() + " (" + a.id().value() + ")" + (deploy ? ", deployed" : ""));
    }
    return 0;
  }

  @Command(name = "update", mixinStandardHelpOptions = true, description = "Changes an action's draft.")
  int update(
      @Mixin StoreOptions store,
      @Parameters(paramLabel = "ACTION", description = "action id or name") String ref,
      @Option(names = "--name", paramLabel = "NAME", description = "new name") String name,
      @Option(names = "--file", paramLabel = "FILE", description = "new code file") Path file,
      @Option(names = "--runtime", paramLabel = "RUNTIME", description = "new runtime") String runtime,
      @Option(names = "--dependency", paramLabel = "NAME@VERSION",
          description = "the draft's npm dependencies, replacing the current ones (repeatable)") List<String> dependencies) {
    DraftChange change = new DraftChange(name, file == null ? null : RunCommand.read(file), runtime,
        dependencies == null ? null : dependencies(dependencies), null);
    try (Target engine = store.open(out)) {
      ActionView a = engine.admin().updateDraft(resolve(engine.admin(), ref), change, null);
      print(store, a, "updated the draft of " + a.name() + " (" + a.id().value() + "); deploy to run it");
    }
    return 0;
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows an action and its draft code.")
  int show(@Mixin StoreOptions store, @Parameters(paramLabel = "ACTION", description = "action id or name") String ref) {
    try (Target engine = store.open(out)) {
      ActionView a = engine.admin().get(resolve(engine.admin(), ref));
      if (store.json) {
        out.result(PrettyJson.write(Views.action(a, true)));
      } else {
        out.result(new Table("FIELD", "VALUE")
            .row("id", a.id().value()).row("name", a.name()).row("trigger", a.trigger().value())
            .row("runtime", a.runtime()).row("status", Views.status(a)).row("deployed version", a.deployedVersion())
            .row("secrets", String.join(", ", a.secretNames())).row("revision", a.revision())
            .row("updated", a.updatedAt()).toString());
        out.result("");
        out.result(a.code());
      }
    }
    return 0;
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists actions, oldest first.")
  int list(
      @Mixin StoreOptions store,
      @Option(names = "--trigger", paramLabel = "ID", description = "only this trigger's actions") String trigger) {
    try (Target engine = store.open(out)) {
      List<ActionView> all = engine.admin().list(Optional.ofNullable(trigger).map(ActionsCommand::triggerId));
      if (store.json) {
        List<Object> json = new ArrayList<>();
        all.forEach(a -> json.add(Views.action(a, false)));
        out.result(PrettyJson.write(json));
      } else {
        Table t = new Table("ID", "NAME", "TRIGGER", "STATUS", "VERSION", "UPDATED");
        all.forEach(a -> t.row(a.id().value(), a.name(), a.trigger().value(), Views.status(a), a.deployedVersion(),
            a.updatedAt()));
        out.result(t.toString());
      }
    }
    return 0;
  }

  @Command(name = "deploy", mixinStandardHelpOptions = true, description = "Deploys the draft as a new version.")
  int deploy(@Mixin StoreOptions store, @Parameters(paramLabel = "ACTION", description = "action id or name") String ref) {
    try (Target engine = store.open(out)) {
      VersionView v = engine.admin().deploy(resolve(engine.admin(), ref), null);
      printVersion(store, v, "deployed version " + v.number() + " of " + v.actionId().value());
    }
    return 0;
  }

  @Command(name = "versions", mixinStandardHelpOptions = true, description = "Lists an action's versions, newest first.")
  int versions(@Mixin StoreOptions store, @Parameters(paramLabel = "ACTION", description = "action id or name") String ref) {
    try (Target engine = store.open(out)) {
      List<VersionView> all = engine.admin().versions(resolve(engine.admin(), ref));
      if (store.json) {
        List<Object> json = new ArrayList<>();
        all.forEach(v -> json.add(Views.version(v, false)));
        out.result(PrettyJson.write(json));
      } else {
        Table t = new Table("VERSION", "DEPLOYED", "RUNTIME", "CREATED");
        all.forEach(v -> t.row(v.number(), v.deployed() ? "yes" : "", v.runtime(), v.createdAt()));
        out.result(t.toString());
      }
    }
    return 0;
  }

  @Command(name = "rollback",
      description = "Deploys a copy of an older version as a new version.")
  int rollback(
      @Mixin StoreOptions store,
      @Mixin HelpOption help,
      @Parameters(paramLabel = "ACTION", description = "action id or name") String ref,
      @Option(names = "--version", required = true, paramLabel = "N", description = "version to bring back") int number,
      @Option(names = "--update-draft", description = "make that version's content the draft as well") boolean updateDraft) {
    try (Target engine = store.open(out)) {
      VersionView v = engine.admin().rollback(resolve(engine.admin(), ref), number, updateDraft, null);
      printVersion(store, v, "rolled back to version " + number + " as version " + v.number());
    }
    return 0;
  }

  @Command(name = "delete", mixinStandardHelpOptions = true,
      description = "Deletes an action and its versions; refused while it is bound unless --force.")
  int delete(
      @Mixin StoreOptions store,
      @Parameters(paramLabel = "ACTION", description = "action id or name") String ref,
      @Option(names = "--force", description = "unbind the action first") boolean force) {
    try (Target engine = store.open(out)) {
      ActionId id = resolve(engine.admin(), ref);
      engine.admin().delete(id, force);
      out.result(store.json ? PrettyJson.write(java.util.Map.of("deleted", id.value())) : "deleted " + id.value());
    }
    return 0;
  }

  @Command(name = "diff", mixinStandardHelpOptions = true,
      description = {"Shows a unified diff of an action's code.",
          "By default the deployed version against the draft; --from N against the draft; --from N --to M"
              + " between two versions. Prints nothing when they are equal."})
  int diff(
      @Mixin StoreOptions store,
      @Parameters(paramLabel = "ACTION", description = "action id or name") String ref,
      @Option(names = "--from", paramLabel = "N", description = "older version (default: the deployed one)") Integer from,
      @Option(names = "--to", paramLabel = "M", description = "newer version (default: the draft)") Integer to) {
    try (Target engine = store.open(out)) {
      ActionAdministration admin = engine.admin();
      ActionView a = admin.get(resolve(admin, ref));
      Integer fromNumber = from != null ? from : a.deployedVersion();
      String fromCode = fromNumber == null ? "" : admin.version(a.id(), fromNumber).code();
      String fromName = fromNumber == null ? "/dev/null" : a.name() + "@" + fromNumber;
      String toCode = to == null ? a.code() : admin.version(a.id(), to).code();
      String toName = to == null ? a.name() + "@draft" : a.name() + "@" + to;
      String diff = UnifiedDiff.of(fromName, fromCode, toName, toCode);
      if (store.json) {
        out.result(PrettyJson.write(java.util.Map.of("from", fromName, "to", toName, "diff", diff)));
      } else if (!diff.isEmpty()) {
        out.result(diff.stripTrailing());
      }
    }
    return 0;
  }

  @Command(name = "test",
      description = {"Runs the draft (or --version N) against an event without binding it.",
          "Prints the execution record as JSON; it is recorded like any execution (see executions show)."})
  int test(
      @Mixin StoreOptions store,
      @Mixin HelpOption help,
      @Parameters(paramLabel = "ACTION", description = "action id or name") String ref,
      @Option(names = "--event", required = true, paramLabel = "FILE", description = "event JSON file") Path event,
      @Option(names = "--version", paramLabel = "N", description = "version to run (default: the draft)") Integer number) {
    java.util.Map<String, Object> eventJson;
    try {
      eventJson = dev.interlock.core.json.Json.parseObject(RunCommand.read(event));
    } catch (IllegalArgumentException e) {
      throw new InputException("--event " + event + ": " + e.getMessage());
    }
    try (Target engine = store.open(out)) {
      out.result(PrettyJson.write(engine.test(resolve(engine.admin(), ref), number, eventJson)));
    }
    return 0;
  }

  private void print(StoreOptions store, ActionView a, String message) {
    out.result(store.json ? PrettyJson.write(Views.action(a, false)) : message);
  }

  private void printVersion(StoreOptions store, VersionView v, String message) {
    out.result(store.json ? PrettyJson.write(Views.version(v, false)) : message);
  }

  static TriggerId triggerId(String value) {
    try {
      return TriggerId.of(value);
    } catch (IllegalArgumentException e) {
      throw new InputException("--trigger: " + e.getMessage());
    }
  }

  /** An action by id, or else by name (names need not be unique: an ambiguous name is refused). */
  static ActionId resolve(ActionAdministration admin, String ref) {
    List<ActionView> all = admin.list(Optional.empty());
    for (ActionView a : all) {
      if (a.id().value().equals(ref)) {
        return a.id();
      }
    }
    List<ActionView> named = all.stream().filter(a -> a.name().equals(ref)).toList();
    if (named.size() > 1) {
      throw new InputException("ACTION: several actions are named '" + ref + "'; give the id instead");
    }
    if (named.isEmpty()) {
      throw new InputException("ACTION: no action with the id or name '" + ref + "'");
    }
    return named.get(0).id();
  }

  /** {@code name@version} pairs (scoped names such as {@code @acme/x@1.0.0} included), in order. */
  static Map<String, String> dependencies(List<String> values) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    for (String v : values == null ? List.<String>of() : values) {
      int at = v.lastIndexOf('@');
      if (at <= 0 || at == v.length() - 1) {
        throw new InputException("--dependency " + v + ": give NAME@VERSION, e.g. auth0@4.6.0");
      }
      if (out.put(v.substring(0, at), v.substring(at + 1)) != null) {
        throw new InputException("--dependency " + v + ": " + v.substring(0, at) + " is given twice");
      }
    }
    return out;
  }
}
