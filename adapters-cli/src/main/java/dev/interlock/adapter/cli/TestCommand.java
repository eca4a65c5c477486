package dev.interlock.adapter.cli;

import dev.interlock.core.AdHocAction;
import dev.interlock.core.EngineConfig;
import dev.interlock.core.Interlock;
import dev.interlock.core.execution.ExecutionRecordJson;
import dev.interlock.core.execution.ExecutionResult;
import dev.interlock.core.trigger.TriggerId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
      "Runs test files (*.test.json or *.test.yaml; directories are searched) against action files and checks the",
      "expected status, commands, outcome and logs. The format is described in docs/cli.md."
    },
    footer = {"", "Exit codes: 0 all passed; 1 a case failed; 2 usage error; 3 an unreadable or invalid test file."})
final class TestCommand implements Callable<Integer> {
  /** At least one case failed. */
  static final int EXIT_FAILED = 1;

  private final CliOutput out;

  @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "test files, or directories holding *.test.json / *.test.yaml")
  List<Path> paths;

  @Option(names = "--junit-xml", paramLabel = "FILE", description = "also write a JUnit XML report")
  Path junitXml;

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
    List<TestFile> files = new ArrayList<>();
    for (Path p : testFiles()) {
      files.add(TestFile.read(p));
    }
    List<Outcome> outcomes = new ArrayList<>();
    try (Interlock engine = Engines.embedded(EngineConfig.defaults(), List.of())) {
      for (TestFile f : files) {
        out.result(f.path().toString());
        for (TestFile.Case c : f.cases()) {
          Outcome o = run(engine, f, c);
          outcomes.add(o);
          out.result("  " + (o.passed() ? "✓ " : "✗ ") + c.name() + " (" + Math.round(o.millis()) + " ms)");
          for (String failure : o.failures()) {
            out.result(failure.indent(6).stripTrailing());
          }
        }
      }
    }
    long passed = outcomes.stream().filter(Outcome::passed).count();
    long failed = outcomes.size() - passed;
    out.result("");
    out.result(passed + " passed, " + failed + " failed");
    if (junitXml != null) {
      writeJunit(outcomes);
    }
    return failed == 0 ? 0 : EXIT_FAILED;
  }

  private Outcome run(Interlock engine, TestFile f, TestFile.Case c) {
    long start = System.nanoTime();
    List<AdHocAction> actions = new ArrayList<>();
    for (Path p : c.actions()) {
      String n = p.getFileName().toString();
      actions.add(new AdHocAction(n.replaceFirst("\\.[^.]*$", ""), RunCommand.read(p), "node22", c.secrets(), Map.of()));
    }
    List<String> failures;
    try {
      ExecutionResult result = engine.executor().run(TriggerId.of(c.trigger()), actions, c.event());
      failures = Expectations.check(c.expect(), ExecutionRecordJson.toJson(result.record()));
    } catch (InputException e) {
      failures = List.of(e.getMessage());
    } catch (RuntimeException e) {
      // an event the trigger refuses, an unknown trigger: the case fails, the others still run
      failures = List.of("could not run: " + e.getMessage());
    }
    return new Outcome(f, c, failures, (System.nanoTime() - start) / 1e6);
  }

  private List<Path> testFiles() {
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.walk(p)) {
          s.filter(x -> x.getFileName().toString().matches(".*\\.test\\.(json|ya?ml)")).sorted().forEach(files::add);
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

  private void writeJunit(List<Outcome> outcomes) {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    long failures = outcomes.stream().filter(o -> !o.passed()).count();
    xml.append("<testsuites tests=\"").append(outcomes.size()).append("\" failures=\"").append(failures).append("\">\n");
    TestFile current = null;
    for (Outcome o : outcomes) {
      if (o.file() != current) {
        if (current != null) {
          xml.append("  </testsuite>\n");
        }
        current = o.file();
        TestFile f = current;
        long n = outcomes.stream().filter(x -> x.file() == f).count();
        long failed = outcomes.stream().filter(x -> x.file() == f && !x.passed()).count();
        xml.append("  <testsuite name=\"").append(escape(f.path().toString())).append("\" tests=\"").append(n)
            .append("\" failures=\"").append(failed).append("\">\n");
      }
      xml.append("    <testcase classname=\"").append(escape(o.file().path().toString())).append("\" name=\"")
          .append(escape(o.testCase().name())).append("\" time=\"")
          .append(String.format(java.util.Locale.ROOT, "%.3f", o.millis() / 1000)).append("\"");
      if (o.passed()) {
        xml.append("/>\n");
      } else {
        String text = String.join("\n", o.failures());
        xml.append(">\n      <failure message=\"").append(escape(o.failures().get(0).lines().findFirst().orElse("")))
            .append("\">").append(escape(text)).append("</failure>\n    </testcase>\n");
      }
    }
    if (current != null) {
      xml.append("  </testsuite>\n");
    }
    xml.append("</testsuites>\n");
    try {
      Files.writeString(junitXml, xml, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InputException("--junit-xml " + junitXml + ": cannot write: " + e.getMessage());
    }
  }

  private static String escape(String s) {
    StringBuilder b = new StringBuilder();
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        default -> {
          if (ch >= 0x20 || ch == '\n' || ch == '\t' || ch == '\r') {
            b.append(ch);
          }
        }
      }
    }
    return b.toString();
  }
}
