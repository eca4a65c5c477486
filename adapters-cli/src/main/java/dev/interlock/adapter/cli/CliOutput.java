package dev.interlock.adapter.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/**
 * The CLI's two streams: results on standard output, diagnostics on standard error. The only place
 * in Interlock that touches the process's standard streams.
 */
public final class CliOutput {
  private final PrintWriter out;
  private final PrintWriter err;

  public CliOutput(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  static CliOutput system() {
    return new CliOutput(
        new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
        new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
  }

  /** An output captured in memory, for tests. */
  public static CliOutput capture(StringWriter out, StringWriter err) {
    return new CliOutput(new PrintWriter(out, true), new PrintWriter(err, true));
  }

  PrintWriter outWriter() {
    return out;
  }

  PrintWriter errWriter() {
    return err;
  }

  void result(String text) {
    out.println(text);
  }

  void diagnostic(String text) {
    err.println(text);
  }

  void flush() {
    out.flush();
    err.flush();
  }
}
