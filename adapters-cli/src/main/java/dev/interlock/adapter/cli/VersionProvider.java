package dev.interlock.adapter.cli;

import picocli.CommandLine;

/** Version from the jar manifest (set by the build), or "development" when run from classes. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = InterlockCli.class.getPackage().getImplementationVersion();
    return new String[] {"interlock " + (v == null ? "development" : v), "Java " + System.getProperty("java.version")};
  }
}
