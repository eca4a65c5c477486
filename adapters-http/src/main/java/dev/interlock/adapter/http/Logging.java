package dev.interlock.adapter.http;

import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/** Log setup of the server process: one line per record on stderr, JSON lines for the access log. */
final class Logging {
  // java.util.logging keeps loggers weakly: without this reference the access logger's handler
  // and useParentHandlers setting could be collected and the lines would go to the root handler
  private static Logger access;

  private Logging() {}

  static void configure() {
    if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
      System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tLZ %4$s %3$s: %5$s%6$s%n");
    }
    // Jetty and Javalin log through SLF4J simple: only warnings and errors
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    LogManager.getLogManager().reset();
    Logger root = Logger.getLogger("");
    Handler console = new java.util.logging.ConsoleHandler();
    console.setFormatter(new java.util.logging.SimpleFormatter());
    root.addHandler(console);
    access = Logger.getLogger(dev.interlock.adapter.http.internal.AccessLog.LOGGER);
    access.setUseParentHandlers(false);
    access.addHandler(new dev.interlock.adapter.http.internal.LineHandler());
  }
}
