package dev.interlock.adapter.cli;

import dev.interlock.core.AdHocAction;
import dev.interlock.core.EngineConfig;
import dev.interlock.core.Interlock;
import dev.interlock.core.execution.ExecutionRecordJson;
import dev.interlock.core.execution.ExecutionResult;
import dev.interlock.core.trigger.TriggerId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code interlock test}: runs test files against actions and reports like a test runner. */
@Command(
    name = "test",
    mixinStandardHelpOptions = true,
    description = {
      "Runs test files against action files and checks the expected results.",
      "Test files are *.test.json, *.test.yaml and *.test.yml (directories are searched); each case checks"
          + " status, commands, outcome, logs and requests. The format is described in docs/cli.md."
    },
    footer = {
      "",
      "Stubs: a \"fetch\" list in a test file answers the actions' fetch/axios requests,",
      "e.g. [{\"url\": \"https://api.example.com/*\", \"json\": {\"plan\": \"pro\"}}]. A request",
      "no stub answers fails, and fails its case, unless --allow-network is given.",
      "",
      "Exit codes: 0 all passed; 1 a case failed; 2 usage error; 3 an unreadable or",
      "invalid test file. --watch runs until Ctrl-C, then exits with 130."
    })
final class TestCommand implements Callable<Integer> {
  /** At least one case failed. */
  static final int EXIT_FAILED = 1;

  private final CliOutput out;

  @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "test files, or directories holding *.test.json / *.test.yaml")
  List<Path> paths;

  @Option(names = "--junit-xml", paramLabel = "FILE", description = "also write a JUnit XML report (rewritten on each run)")
  Path junitXml;

  @Option(names = "--watch", description = "after the run, watch the test files, their directories and the action files"
      + " they use, and run again after each change until Ctrl-C")
  boolean watch;

  @Option(names = "--allow-network", description = "send requests that no fetch stub answers to the network (under the"
      + " default egress policy) instead of failing them")
  boolean allowNetwork;

  TestCommand(CliOutput out) {
    this.out = out;
  }

  /** The result of one case. */
  record Outcome(TestFile file, TestFile.Case testCase, List<String> failures, double millis) {
    boolean passed() {
      return failures.isEmpty();
    }
  }

  @Override
  public Integer call() {
    StubbedFetch fetch = new StubbedFetch(allowNetwork);
    if (watch) {
      try (Interlock engine = Engines.embedded(EngineConfig.defaults(), List.of(), fetch)) {
        return new TestWatch(out, paths, TestWatch.DEBOUNCE).watch(read -> runAll(engine, fetch, readAll(read)));
      }
    }
    // read every file before the runtime starts (about a second), so an invalid file fails fast
    List<TestFile> files = readAll(new HashSet<>());
    try (Interlock engine = Engines.embedded(EngineConfig.defaults(), List.of(), fetch)) {
      return runAll(engine, fetch, files);
    }
  }

  /** Whether a file name is that of a test file. */
  static boolean isTestFile(Path p) {
    return p.getFileName() != null && p.getFileName().toString().matches(".*\\.test\\.(json|ya?ml)");
  }

  /**
   * Reads all test files, adding them and the action files they name to {@code read}; the problems
   * of all invalid files are reported together.
   */
  private List<TestFile> readAll(Set<Path> read) {
    List<TestFile> files = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Path p : testFiles()) {
      read.add(p);
      try {
        TestFile f = TestFile.read(p);
        files.add(f);
        f.cases().forEach(c -> read.addAll(c.actions()));
      } catch (InputException e) {
        problems.add(e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new InputException(String.join("\n", problems));
    }
    return files;
  }

  private int runAll(Interlock engine, StubbedFetch fetch, List<TestFile> files) {
    List<Outcome> outcomes = new ArrayList<>();
    for (TestFile f : files) {
      out.result(f.path().toString());
      for (TestFile.Case c : f.cases()) {
        Outcome o = run(engine, fetch, f, c);
        outcomes.add(o);
        out.result("  " + (o.passed() ? "✓ " : "✗ ") + c.name() + " (" + Math.round(o.millis()) + " ms)");
        for (String failure : o.failures()) {
          out.result(failure.indent(6).stripTrailing());
        }
      }
    }
    long passed = outcomes.stream().filter(Outcome::passed).count();
    long failed = outcomes.size() - passed;
    out.result("");
    out.result(passed + " passed, " + failed + " failed");
    if (junitXml != null) {
      JunitReport.write(junitXml, outcomes);
    }
    return failed == 0 ? 0 : EXIT_FAILED;
  }

  private Outcome run(Interlock engine, StubbedFetch fetch, TestFile f, TestFile.Case c) {
    long start = System.nanoTime();
    List<String> failures = new ArrayList<>();
    StubbedFetch.CaseFetch requests = fetch.begin(c.fetch(), c.secrets());
    try {
      List<AdHocAction> actions = new ArrayList<>();
      for (Path p : c.actions()) {
        String n = p.getFileName().toString();
        actions.add(new AdHocAction(n.replaceFirst("\\.[^.]*$", ""), RunCommand.read(p), "node22", c.secrets(), Map.of(),
            c.dependencies()));
      }
      ExecutionResult result = engine.executor().run(TriggerId.of(c.trigger()), actions, c.event());
      failures.addAll(requests.failures(c.expect().get("fetch")));
      failures.addAll(Expectations.check(c.expect(), ExecutionRecordJson.toJson(result.record())));
    } catch (InputException e) {
      failures.add(e.getMessage());
    } catch (RuntimeException e) {
      // an event the trigger refuses, an unknown trigger: the case fails, the others still run
      failures.add("could not run: " + e.getMessage());
    } finally {
      fetch.end(requests);
    }
    return new Outcome(f, c, failures, (System.nanoTime() - start) / 1e6);
  }

  private List<Path> testFiles() {
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.walk(p)) {
          s.filter(TestCommand::isTestFile).sorted().forEach(files::add);
        } catch (IOException e) {
          throw new InputException("cannot list " + p + ": " + e.getMessage());
        }
      } else if (Files.isRegularFile(p)) {
        files.add(p);
      } else {
        throw new InputException("no such test file or directory: " + p);
      }
    }
    if (files.isEmpty()) {
      throw new InputException("no *.test.json or *.test.yaml files under " + paths);
    }
    return files;
  }
}
