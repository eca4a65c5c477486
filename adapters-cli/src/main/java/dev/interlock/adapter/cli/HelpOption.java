package dev.interlock.adapter.cli;

import picocli.CommandLine.Option;

/** {@code -h/--help} alone, for commands whose {@code --version} option means an action version. */
final class HelpOption {
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;
}
