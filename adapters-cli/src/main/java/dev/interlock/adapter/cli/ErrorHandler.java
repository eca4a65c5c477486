package dev.interlock.adapter.cli;

import dev.interlock.core.InterlockException;
import dev.interlock.core.InvalidRequestException;
import dev.interlock.core.NotFoundException;
import dev.interlock.core.PlatformException;
import picocli.CommandLine;

/** Maps Interlock's exceptions to a message on standard error and a documented exit code. */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
  private final CliOutput out;

  ErrorHandler(CliOutput out) {
    this.out = out;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    if (e instanceof InputException ie) {
      out.diagnostic("error: " + ie.getMessage());
      return InterlockCli.EXIT_INPUT;
    }
    if (e instanceof InvalidRequestException || e instanceof NotFoundException) {
      out.diagnostic("error [" + ((InterlockException) e).code() + "]: " + ((InterlockException) e).describe());
      return InterlockCli.EXIT_INPUT;
    }
    if (e instanceof PlatformException pe) {
      out.diagnostic("platform error [" + pe.code() + "]: " + pe.getMessage());
      return InterlockCli.EXIT_PLATFORM;
    }
    if (e instanceof InterlockException ie) {
      out.diagnostic("error [" + ie.code() + "]: " + ie.describe());
      return InterlockCli.EXIT_INPUT;
    }
    out.diagnostic("platform error: " + e);
    return InterlockCli.EXIT_PLATFORM;
  }
}
