package dev.interlock.adapter.cli;

import dev.interlock.core.action.Binding;
import dev.interlock.core.admin.ActionAdministration;
import dev.interlock.core.admin.ActionView;
import dev.interlock.core.trigger.TriggerCatalog;
import dev.interlock.core.trigger.TriggerDefinition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code interlock export DIR}: every action (its draft), every trigger's bindings and the secret
 * names, in the Auth0 Deploy CLI's directory layout ({@link DeployDirectory}). Secret values are
 * never written.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Writes all actions, bindings and secret names to DIR in the Auth0 Deploy CLI's directory layout.",
        "Secret values are never written."})
final class ExportCommand implements java.util.concurrent.Callable<Integer> {
  private final CliOutput out;

  @Mixin StoreOptions store;

  @Parameters(paramLabel = "DIR", description = "the directory to write (created if missing).")
  Path dir;

  ExportCommand(CliOutput out) {
    this.out = out;
  }

  @Override
  public Integer call() {
    TriggerCatalog catalog = TriggersCommand.catalog();
    try (Target target = store.open(out)) {
      ActionAdministration admin = target.admin();
      List<ActionView> actions = admin.list(Optional.empty());
      Map<String, ActionView> byFile = new LinkedHashMap<>();
      for (ActionView a : actions) {
        ActionView other = byFile.putIfAbsent(DeployDirectory.fileName(a.name()), a);
        if (other != null) {
          throw new InputException("actions " + other.id().value() + " and " + a.id().value()
              + " have names that give the same file name '" + DeployDirectory.fileName(a.name()) + "'; rename one");
        }
      }
      Map<String, String> names = new LinkedHashMap<>();
      actions.forEach(a -> names.put(a.id().value(), a.name()));
      List<Object> written = new ArrayList<>();
      Path actionsDir = dir.resolve(DeployDirectory.ACTIONS);
      for (Map.Entry<String, ActionView> e : byFile.entrySet()) {
        ActionView a = e.getValue();
        String file = e.getKey();
        String codePath = "./" + DeployDirectory.ACTIONS + "/" + file + "/code.js";
        write(actionsDir.resolve(file).resolve("code.js"), a.code());
        write(actionsDir.resolve(file + ".json"), PrettyJson.write(actionJson(a, codePath, catalog)) + "\n");
        out.diagnostic("exported action " + a.name() + " -> " + DeployDirectory.ACTIONS + "/" + file + ".json");
        written.add(a.name());
      }
      Map<String, Object> triggers = new LinkedHashMap<>();
      int bound = 0;
      for (TriggerDefinition t : catalog.all()) {
        List<Object> list = new ArrayList<>();
        for (Binding b : admin.bindings(t.id()).bindings()) {
          String name = names.getOrDefault(b.action().value(), b.action().value());
          Map<String, Object> entry = new LinkedHashMap<>();
          entry.put("action_name", name);
          entry.put("display_name", b.displayName() == null || b.displayName().isEmpty() ? name : b.displayName());
          list.add(entry);
        }
        bound += list.size();
        triggers.put(t.id().value(), list);
      }
      write(dir.resolve(DeployDirectory.TRIGGERS).resolve(DeployDirectory.TRIGGERS_FILE), PrettyJson.write(triggers) + "\n");
      out.diagnostic("exported bindings -> " + DeployDirectory.TRIGGERS + "/" + DeployDirectory.TRIGGERS_FILE);
      if (store.json) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("directory", dir.toString());
        summary.put("actions", written);
        summary.put("bindings", bound);
        out.result(PrettyJson.write(summary));
      } else {
        out.result("exported " + written.size() + " action(s) and " + bound + " binding(s) from " + store.where() + " to " + dir);
      }
    }
    return 0;
  }

  private static Map<String, Object> actionJson(ActionView a, String codePath, TriggerCatalog catalog) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", a.name());
    m.put("code", codePath);
    m.put("runtime", a.runtime());
    m.put("status", "built");
    List<Object> deps = new ArrayList<>();
    new java.util.TreeMap<>(a.dependencies()).forEach((n, v) -> deps.add(Map.of("name", n, "version", v)));
    m.put("dependencies", deps);
    List<Object> secrets = new ArrayList<>();
    a.secretNames().forEach(n -> secrets.add(Map.of("name", n)));
    m.put("secrets", secrets);
    Map<String, Object> trigger = new LinkedHashMap<>();
    trigger.put("id", a.trigger().value());
    catalog.find(a.trigger()).ifPresent(d -> trigger.put("version", d.version()));
    m.put("supported_triggers", List.of(trigger));
    m.put("deployed", a.deployedVersion() != null && a.allChangesDeployed());
    return m;
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InputException("DIR: cannot write " + file + ": " + e.getMessage());
    }
  }
}
