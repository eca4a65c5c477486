package dev.interlock.adapter.http.internal;

/**
 * Writes the server's {@code --help} text to standard output: the one place the HTTP service
 * writes to a terminal, because the user asked for it there (everything else goes to the log).
 */
public final class ServerHelp {
  private ServerHelp() {}

  public static void print() {
    System.out.print(ConfigLoader.help());
    System.out.flush();
  }
}
