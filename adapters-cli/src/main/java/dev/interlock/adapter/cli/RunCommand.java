package dev.interlock.adapter.cli;

import dev.interlock.adapter.rhino.RhinoEgress;
import dev.interlock.core.AdHocAction;
import dev.interlock.core.EngineConfig;
import dev.interlock.core.Interlock;
import dev.interlock.core.execution.ExecutionRecordJson;
import dev.interlock.core.execution.ExecutionResult;
import dev.interlock.core.json.Json;
import dev.interlock.core.trigger.TriggerId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code interlock run}: runs action files as a trigger's flow and prints the execution record. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the given action files, in order, as the trigger's flow.",
      "Prints the execution record as JSON on standard output (diagnostics go to standard error)."
    },
    footer = {
      "",
      "Exit codes: 0 when the flow ran, whatever its status (completed, denied, failed, suspended);",
      "2 for usage errors; 3 for input errors (unreadable file, invalid JSON, an event that does not",
      "fit the trigger, unknown trigger); 4 for platform errors.",
      "",
      "Example:",
      "  interlock run --trigger post-login --event event.json --secret API_KEY add-roles.js"
    })
final class RunCommand implements Callable<Integer> {
  private static final Pattern SECRET_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

  private final CliOutput out;

  @Option(names = "--trigger", required = true, paramLabel = "ID", description = "trigger id, e.g. post-login")
  String trigger;

  @Option(
      names = "--event",
      paramLabel = "FILE",
      description = "event JSON file, or - for standard input; it may be partial: missing fields are filled from"
          + " the trigger's example event (a null removes one). Without --event, the example event is used.")
  String event;

  @Option(
      names = "--secret",
      paramLabel = "NAME[=VALUE]",
      description = "a secret given to every action as event.secrets.NAME; without =VALUE the value is read"
          + " from the environment variable NAME (keeps it out of shell history)")
  List<String> secrets = new ArrayList<>();

  @Option(names = "--dependency", paramLabel = "NAME@VERSION",
      description = "an npm dependency the actions declare, e.g. auth0@3.7.2 (repeatable)")
  List<String> dependencies = new ArrayList<>();

  @Option(names = "--timeout-ms", paramLabel = "N", description = "deadline of the flow and of each action (default: 20000)")
  Long timeoutMs;

  @Option(
      names = "--allow-egress",
      paramLabel = "HOST[:PORT]",
      description = "host fetch/axios may reach even if the default policy (public addresses only) refuses it,"
          + " e.g. 127.0.0.1:8080; repeatable; *.example.com matches subdomains")
  List<String> allowEgress = new ArrayList<>();

  @Parameters(arity = "1..*", paramLabel = "ACTION.js", description = "action files, run in the given order")
  List<Path> files;

  RunCommand(CliOutput out) {
    this.out = out;
  }

  @Override
  public Integer call() {
    TriggerId triggerId = parseTrigger();
    Map<String, String> secretValues = parseSecrets();
    validateEgress();
    Map<String, Object> eventJson = readEvent();
    Map<String, String> declared = ActionsCommand.dependencies(dependencies);
    List<AdHocAction> actions = new ArrayList<>();
    for (Path f : files) {
      actions.add(new AdHocAction(actionName(f), read(f), "node22", secretValues, Map.of(), declared));
    }
    EngineConfig config = EngineConfig.defaults();
    if (timeoutMs != null) {
      if (timeoutMs < 1) {
        throw new InputException("--timeout-ms must be a positive number of milliseconds, got " + timeoutMs);
      }
      config = config.withFlowTimeout(Duration.ofMillis(timeoutMs)).withActionTimeout(Duration.ofMillis(timeoutMs));
    }
    try (Interlock engine = Engines.embedded(config, allowEgress)) {
      Map<String, Object> complete = engine.triggers().require(triggerId).completeEvent(eventJson);
      ExecutionResult result = engine.executor().run(triggerId, actions, complete);
      out.result(PrettyJson.write(ExecutionRecordJson.toJson(result.record())));
      if (result.record().error() != null) {
        out.diagnostic(result.record().status().json() + ": " + result.record().error().message());
      }
    }
    return 0;
  }

  private TriggerId parseTrigger() {
    try {
      return TriggerId.of(trigger);
    } catch (IllegalArgumentException e) {
      throw new InputException("--trigger: " + e.getMessage());
    }
  }

  private Map<String, String> parseSecrets() {
    Map<String, String> values = new LinkedHashMap<>();
    for (String s : secrets) {
      int eq = s.indexOf('=');
      String name = eq < 0 ? s : s.substring(0, eq);
      if (!SECRET_NAME.matcher(name).matches()) {
        throw new InputException("--secret: '" + name + "' is not a valid secret name (letters, digits, _; at most 128)");
      }
      String value = eq < 0 ? System.getenv(name) : s.substring(eq + 1);
      if (value == null) {
        throw new InputException("--secret " + name + ": no value given and no environment variable " + name + " is set");
      }
      values.put(name, value);
    }
    return values;
  }

  private void validateEgress() {
    try {
      RhinoEgress.defaults().withAllowedHosts(allowEgress);
    } catch (IllegalArgumentException e) {
      throw new InputException("--allow-egress: " + e.getMessage());
    }
  }

  private Map<String, Object> readEvent() {
    if (event == null) {
      return Map.of();
    }
    String text;
    if (event.equals("-")) {
      try (InputStream in = System.in) {
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new InputException("--event -: cannot read standard input: " + e.getMessage());
      }
    } else {
      text = read(Path.of(event));
    }
    try {
      return Json.parseObject(text);
    } catch (IllegalArgumentException e) {
      throw new InputException("--event " + event + ": " + e.getMessage());
    }
  }

  static String read(Path f) {
    try {
      return Files.readString(f, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InputException("cannot read " + f + ": " + e.getMessage());
    }
  }

  private static String actionName(Path f) {
    String n = f.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }
}
