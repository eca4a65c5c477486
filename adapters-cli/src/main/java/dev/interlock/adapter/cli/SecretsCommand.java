package dev.interlock.adapter.cli;

import dev.interlock.core.action.ActionId;
import dev.interlock.core.admin.ActionAdministration;
import dev.interlock.core.admin.ActionView;
import dev.interlock.core.admin.DraftChange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code interlock secrets set|unset}: an action draft's secrets. Values are read from standard
 * input or an environment variable, never from the command line (shell history, process lists).
 */
@Command(name = "secrets", mixinStandardHelpOptions = true,
    description = {"Sets and removes an action draft's secrets (deploy to use them).",
        "Values come from standard input or --from-env, never from arguments."})
final class SecretsCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  /** Without a subcommand: a usage error (exit 2) that lists the subcommands. */
  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }

  private final CliOutput out;
  private final InputStream stdin;

  SecretsCommand(CliOutput out, InputStream stdin) {
    this.out = out;
    this.stdin = stdin;
  }

  @Command(name = "set", mixinStandardHelpOptions = true,
      description = "Sets a secret; the value is standard input (one trailing newline removed) or --from-env VAR.")
  int set(
      @Mixin StoreOptions store,
      @Parameters(index = "0", paramLabel = "ACTION", description = "action id or name") String ref,
      @Parameters(index = "1", paramLabel = "NAME", description = "secret name") String name,
      @Option(names = "--from-env", paramLabel = "VAR", description = "read the value from this environment variable")
          String fromEnv) {
    String value = fromEnv != null ? env(fromEnv) : readStdin();
    try (Target engine = store.open(out)) {
      ActionAdministration admin = engine.admin();
      ActionId id = ActionsCommand.resolve(admin, ref);
      Map<String, String> secrets = keepAll(admin.get(id));
      secrets.put(name, value);
      ActionView a = admin.updateDraft(id, DraftChange.none().withSecrets(secrets), null);
      out.result(store.json ? PrettyJson.write(Views.action(a, false))
          : "set secret " + name + " on the draft of " + a.name() + "; deploy to use it");
    }
    return 0;
  }

  @Command(name = "unset", mixinStandardHelpOptions = true, description = "Removes a secret from the draft.")
  int unset(
      @Mixin StoreOptions store,
      @Parameters(index = "0", paramLabel = "ACTION", description = "action id or name") String ref,
      @Parameters(index = "1", paramLabel = "NAME", description = "secret name") String name) {
    try (Target engine = store.open(out)) {
      ActionAdministration admin = engine.admin();
      ActionId id = ActionsCommand.resolve(admin, ref);
      Map<String, String> secrets = keepAll(admin.get(id));
      if (!secrets.containsKey(name)) {
        throw new InputException("NAME: the action has no secret " + name);
      }
      secrets.remove(name);
      ActionView a = admin.updateDraft(id, DraftChange.none().withSecrets(secrets), null);
      out.result(store.json ? PrettyJson.write(Views.action(a, false))
          : "removed secret " + name + " from the draft of " + a.name());
    }
    return 0;
  }

  /** Every current secret mapped to null: "keep its value" in a {@link DraftChange}. */
  private static Map<String, String> keepAll(ActionView a) {
    Map<String, String> m = new LinkedHashMap<>();
    a.secretNames().forEach(n -> m.put(n, null));
    return m;
  }

  private static String env(String var) {
    String v = System.getenv(var);
    if (v == null) {
      throw new InputException("--from-env: the environment variable " + var + " is not set");
    }
    return v;
  }

  private String readStdin() {
    String v;
    try {
      v = new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InputException("cannot read the secret value from standard input: " + e.getMessage());
    }
    if (v.endsWith("\n")) {
      v = v.substring(0, v.length() - (v.endsWith("\r\n") ? 2 : 1));
    }
    if (v.isEmpty()) {
      throw new InputException("no secret value on standard input (pipe it in, or use --from-env VAR)");
    }
    return v;
  }
}
