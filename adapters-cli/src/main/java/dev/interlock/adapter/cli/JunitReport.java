package dev.interlock.adapter.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The JUnit XML report of {@code interlock test --junit-xml}: one testsuite per test file. */
final class JunitReport {
  private JunitReport() {}

  static void write(Path junitXml, List<TestCommand.Outcome> outcomes) {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    long failures = outcomes.stream().filter(o -> !o.passed()).count();
    xml.append("<testsuites tests=\"").append(outcomes.size()).append("\" failures=\"").append(failures).append("\">\n");
    TestFile current = null;
    for (TestCommand.Outcome o : outcomes) {
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
