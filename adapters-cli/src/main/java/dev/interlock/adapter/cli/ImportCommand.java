package dev.interlock.adapter.cli;

import dev.interlock.adapter.cli.DeployDirectory.ActionFile;
import dev.interlock.adapter.cli.DeployDirectory.BindingEntry;
import dev.interlock.core.action.Binding;
import dev.interlock.core.action.TriggerBindings;
import dev.interlock.core.admin.ActionAdministration;
import dev.interlock.core.admin.ActionView;
import dev.interlock.core.admin.BindingRequest;
import dev.interlock.core.admin.DraftChange;
import dev.interlock.core.admin.NewAction;
import dev.interlock.core.trigger.TriggerCatalog;
import dev.interlock.core.trigger.TriggerId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code interlock import DIR}: applies a directory in the Auth0 Deploy CLI's layout ({@link
 * DeployDirectory}) to the local store or a server, idempotently. Everything is read and checked
 * first, and the plan is computed against the target's current state; only then is anything
 * written, so a directory with a problem changes nothing.
 *
 * <p>Per action (matched by name): created, updated (draft code, runtime, dependencies or secrets
 * differ) or unchanged; deployed when the file says {@code deployed: true} and the deployed
 * version is not the draft. A secret without a value keeps the existing value, or is reported
 * as missing when the action has none. A secret with a value is always written (values cannot be
 * compared: they never come back), so such a directory reports the action as updated each time.
 * Per trigger listed in triggers.json: bindings replaced only when the list of (action,
 * display name) differs; triggers not listed are left alone. Replacing bindings resets their
 * configuration and retry policy, which the layout does not carry.
 *
 * <p>Partial: the code is loaded (and can be refused) only when the action is deployed, in the
 * apply phase; a refused deploy stops the import there, after the steps before it.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = {"Applies a directory in the Auth0 Deploy CLI's layout (actions, bindings, secret names).",
        "A second import of the same directory changes nothing.",
        "Every file is checked before anything is written."})
final class ImportCommand implements java.util.concurrent.Callable<Integer> {
  private final CliOutput out;

  @Mixin StoreOptions store;

  @Parameters(paramLabel = "DIR", description = "the directory to read (as written by export or by a0deploy export).")
  Path dir;

  @Option(names = "--dry-run", description = "print the plan without changing anything.")
  boolean dryRun;

  ImportCommand(CliOutput out) {
    this.out = out;
  }

  /** What the import does to one action. */
  private record ActionStep(ActionFile file, ActionView existing, String result, DraftChange change, boolean deploy,
      List<String> missingSecrets) {}

  /** What the import does to one trigger's bindings. */
  private record BindingStep(String trigger, List<BindingEntry> entries, String result) {}

  @Override
  public Integer call() {
    TriggerCatalog catalog = TriggersCommand.catalog();
    Set<String> known = new LinkedHashSet<>();
    catalog.all().forEach(t -> known.add(t.id().value()));
    DeployDirectory.Contents contents = DeployDirectory.read(dir, known);
    try (Target target = store.open(out)) {
      ActionAdministration admin = target.admin();
      List<ActionView> current = admin.list(Optional.empty());
      List<String> problems = new ArrayList<>();
      List<ActionStep> actions = planActions(contents, current, problems);
      List<BindingStep> bindings = planBindings(contents, current, admin, actions, problems);
      if (!problems.isEmpty()) {
        throw new InputException("the directory has " + problems.size() + " problem(s); nothing was imported:\n  - "
            + String.join("\n  - ", problems));
      }
      Map<String, String> ids = new LinkedHashMap<>();
      current.forEach(a -> ids.putIfAbsent(a.name(), a.id().value()));
      for (ActionStep s : actions) {
        String id = dryRun ? (s.existing() == null ? null : s.existing().id().value()) : apply(admin, s);
        if (id != null) {
          ids.put(s.file().name(), id);
        }
        s.missingSecrets().forEach(n -> out.diagnostic("warning: action " + s.file().name() + ": secret " + n
            + " has no value in the directory and none in the store (missing); set it with interlock secrets set"));
        out.diagnostic((dryRun ? "would " + verb(s.result()) : s.result()) + ": action " + s.file().name()
            + (s.deploy() ? (dryRun ? ", and deploy it" : ", deployed") : ""));
      }
      for (BindingStep b : bindings) {
        if (!dryRun && b.result().equals("replaced")) {
          List<BindingRequest> requests = new ArrayList<>();
          for (BindingEntry e : b.entries()) {
            requests.add(new BindingRequest(dev.interlock.core.action.ActionId.of(ids.get(e.actionName())),
                e.displayName(), Map.of()));
          }
          TriggerId t = TriggerId.of(b.trigger());
          admin.replaceBindings(t, requests, admin.bindings(t).revision());
        }
        out.diagnostic((dryRun && b.result().equals("replaced") ? "would replace" : b.result()) + ": bindings of "
            + b.trigger() + " (" + b.entries().size() + " action(s))");
      }
      summary(actions, bindings);
    }
    return 0;
  }

  private List<ActionStep> planActions(DeployDirectory.Contents contents, List<ActionView> current, List<String> problems) {
    List<ActionStep> steps = new ArrayList<>();
    for (ActionFile f : contents.actions()) {
      String where = DeployDirectory.rel(dir, f.file());
      List<ActionView> named = current.stream().filter(a -> a.name().equals(f.name())).toList();
      if (named.size() > 1) {
        problems.add(where + ": name: several actions in " + store.where() + " are named '" + f.name() + "'");
        continue;
      }
      ActionView existing = named.isEmpty() ? null : named.get(0);
      if (existing == null) {
        List<String> missing = new ArrayList<>();
        if (f.secrets() != null) {
          f.secrets().forEach((n, v) -> {
            if (v == null) {
              missing.add(n);
            }
          });
        }
        steps.add(new ActionStep(f, null, "created", null, f.deployed(), missing));
        continue;
      }
      if (!existing.trigger().value().equals(f.trigger())) {
        problems.add(where + ": supported_triggers[0].id: the action " + f.name() + " exists for "
            + existing.trigger().value() + "; an action's trigger cannot change");
        continue;
      }
      DraftChange change = DraftChange.none();
      boolean changed = false;
      if (!existing.code().equals(f.code())) {
        change = change.withCode(f.code());
        changed = true;
      }
      if (f.runtime() != null && !f.runtime().equals(existing.runtime())) {
        change = change.withRuntime(f.runtime());
        changed = true;
      }
      if (!f.dependencies().equals(existing.dependencies())) {
        change = change.withDependencies(f.dependencies());
        changed = true;
      }
      List<String> missing = new ArrayList<>();
      if (f.secrets() != null) {
        Map<String, String> secrets = new LinkedHashMap<>();
        boolean valueGiven = false;
        for (Map.Entry<String, String> e : f.secrets().entrySet()) {
          if (e.getValue() != null) {
            secrets.put(e.getKey(), e.getValue());
            valueGiven = true;
          } else if (existing.secretNames().contains(e.getKey())) {
            secrets.put(e.getKey(), null); // keeps the stored value
          } else {
            missing.add(e.getKey()); // cannot be created without a value: left out and reported
          }
        }
        if (valueGiven || !new LinkedHashSet<>(existing.secretNames()).equals(secrets.keySet())) {
          change = change.withSecrets(secrets);
          changed = true;
        }
      }
      boolean draftIsDeployed = existing.deployedVersion() != null && existing.allChangesDeployed() && !changed;
      boolean deploy = f.deployed() && !draftIsDeployed;
      steps.add(new ActionStep(f, existing, changed ? "updated" : "unchanged", changed ? change : null, deploy, missing));
    }
    return steps;
  }

  private List<BindingStep> planBindings(DeployDirectory.Contents contents, List<ActionView> current,
      ActionAdministration admin, List<ActionStep> actions, List<String> problems) {
    String where = DeployDirectory.TRIGGERS + "/" + DeployDirectory.TRIGGERS_FILE;
    Map<String, ActionStep> planned = new LinkedHashMap<>();
    actions.forEach(s -> planned.put(s.file().name(), s));
    Map<String, String> names = new LinkedHashMap<>();
    current.forEach(a -> names.put(a.id().value(), a.name()));
    List<BindingStep> steps = new ArrayList<>();
    contents.triggers().forEach((trigger, entries) -> {
      List<BindingEntry> normal = new ArrayList<>();
      for (int i = 0; i < entries.size(); i++) {
        BindingEntry e = entries.get(i);
        String at = where + ": " + trigger + "[" + i + "].action_name: ";
        ActionStep step = planned.get(e.actionName());
        List<ActionView> inStore = current.stream().filter(a -> a.name().equals(e.actionName())).toList();
        String actionTrigger = step != null ? step.file().trigger() : inStore.size() == 1 ? inStore.get(0).trigger().value() : null;
        boolean deployed = step != null
            ? step.deploy() || (step.existing() != null && step.existing().deployedVersion() != null)
            : inStore.size() == 1 && inStore.get(0).deployedVersion() != null;
        if (actionTrigger == null) {
          problems.add(at + "no action named '" + e.actionName() + "' in the directory or in " + store.where());
        } else if (!actionTrigger.equals(trigger)) {
          problems.add(at + "the action " + e.actionName() + " is for " + actionTrigger + ", not " + trigger);
        } else if (!deployed) {
          problems.add(at + "the action " + e.actionName() + " is not deployed (set \"deployed\": true in its file)");
        }
        normal.add(new BindingEntry(e.actionName(),
            e.displayName() == null || e.displayName().isEmpty() ? e.actionName() : e.displayName()));
      }
      List<BindingEntry> now = new ArrayList<>();
      TriggerBindings b = admin.bindings(TriggerId.of(trigger));
      for (Binding x : b.bindings()) {
        String name = names.getOrDefault(x.action().value(), x.action().value());
        now.add(new BindingEntry(name, x.displayName() == null || x.displayName().isEmpty() ? name : x.displayName()));
      }
      steps.add(new BindingStep(trigger, normal, now.equals(normal) ? "unchanged" : "replaced"));
    });
    return steps;
  }

  /** Applies one step; returns the action's id. */
  private static String apply(ActionAdministration admin, ActionStep s) {
    ActionFile f = s.file();
    if (s.existing() == null) {
      Map<String, String> secrets = new LinkedHashMap<>();
      if (f.secrets() != null) {
        f.secrets().forEach((n, v) -> {
          if (v != null) {
            secrets.put(n, v);
          }
        });
      }
      ActionView a = admin.create(new NewAction(f.name(), TriggerId.of(f.trigger()), f.code(), f.runtime(),
          f.dependencies(), secrets, f.deployed()));
      return a.id().value();
    }
    if (s.change() != null) {
      admin.updateDraft(s.existing().id(), s.change(), null);
    }
    if (s.deploy()) {
      admin.deploy(s.existing().id(), null);
    }
    return s.existing().id().value();
  }

  private void summary(List<ActionStep> actions, List<BindingStep> bindings) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("created", 0);
    counts.put("updated", 0);
    counts.put("unchanged", 0);
    actions.forEach(s -> counts.merge(s.result(), 1, Integer::sum));
    long deployed = actions.stream().filter(ActionStep::deploy).count();
    long replaced = bindings.stream().filter(b -> b.result().equals("replaced")).count();
    boolean changed = counts.get("created") + counts.get("updated") + deployed + replaced > 0;
    List<String> missing = new ArrayList<>();
    actions.forEach(s -> s.missingSecrets().forEach(n -> missing.add(s.file().name() + "/" + n)));
    if (store.json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("dry_run", dryRun);
      m.put("changed", changed);
      List<Object> list = new ArrayList<>();
      for (ActionStep s : actions) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("name", s.file().name());
        a.put("result", s.result());
        a.put("deploy", s.deploy());
        list.add(a);
      }
      m.put("actions", list);
      List<Object> triggers = new ArrayList<>();
      for (BindingStep b : bindings) {
        triggers.add(Map.of("trigger", b.trigger(), "result", b.result()));
      }
      m.put("bindings", triggers);
      m.put("missing_secrets", missing);
      out.result(PrettyJson.write(m));
      return;
    }
    String text = (dryRun ? "plan for " : "imported into ") + store.where() + ": " + actions.size() + " action(s) ("
        + counts.get("created") + " created, " + counts.get("updated") + " updated, " + counts.get("unchanged")
        + " unchanged, " + deployed + " deployed), bindings of " + replaced + " of " + bindings.size()
        + " trigger(s) replaced" + (missing.isEmpty() ? "" : ", " + missing.size() + " secret(s) missing");
    out.result(changed ? text : text + "; nothing " + (dryRun ? "would change" : "changed"));
  }

  private static String verb(String result) {
    return switch (result) {
      case "created" -> "create";
      case "updated" -> "update";
      default -> "leave unchanged";
    };
  }
}
