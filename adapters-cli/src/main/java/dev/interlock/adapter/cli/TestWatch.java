package dev.interlock.adapter.cli;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The loop of {@code interlock test --watch}: runs, then waits for a change to a file the run read
 * (test files, the action files they name) or to a new test file under a directory argument, lets
 * changes settle for the debounce interval, and runs again, until its thread is interrupted (the
 * test suite) or the process is (Ctrl-C).
 *
 * <p>{@link WatchService} watches directories, not files: the loop watches the directories the
 * files live in and picks the events by path, so an editor that saves by writing a new file and
 * renaming it over the old one is seen as well. A run that fails on an invalid test file prints the
 * error and waits for the next change like any other.
 */
final class TestWatch {
  static final Duration DEBOUNCE = Duration.ofMillis(200);

  /** One run over all test files; it adds every file it read to {@code read} and returns the exit code. */
  @FunctionalInterface
  interface Run {
    int run(Set<Path> read);
  }

  private final CliOutput out;
  private final List<Path> roots = new ArrayList<>();
  private final Duration debounce;
  private final Map<WatchKey, Path> watched = new HashMap<>();

  TestWatch(CliOutput out, List<Path> paths, Duration debounce) {
    this.out = out;
    paths.forEach(p -> roots.add(absolute(p)));
    this.debounce = debounce;
  }

  /** Runs until interrupted; returns the last run's exit code. */
  int watch(Run run) {
    try (WatchService service = FileSystems.getDefault().newWatchService()) {
      Set<Path> read = new HashSet<>();
      // watch before running, so a change made during a run brings another run
      register(service, read);
      int last = runOnce(run, read);
      while (!Thread.currentThread().isInterrupted()) {
        register(service, read);
        out.diagnostic("watching " + watched.size() + (watched.size() == 1 ? " directory" : " directories")
            + " for changes (Ctrl-C to stop)");
        Set<Path> changed = awaitChange(service, read);
        if (changed == null) {
          break;
        }
        Set<Path> tests = new HashSet<>();
        Stream.concat(read.stream(), changed.stream())
            .filter(p -> TestCommand.isTestFile(p) && Files.isRegularFile(p)).forEach(tests::add);
        out.result("");
        out.result("──── re-running " + tests.size() + (tests.size() == 1 ? " test file" : " test files")
            + " after a change to " + describe(changed) + " ────");
        read = new HashSet<>();
        last = runOnce(run, read);
      }
      return last;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot watch for file changes: " + e.getMessage(), e);
    }
  }

  private int runOnce(Run run, Set<Path> read) {
    Set<Path> got = new HashSet<>();
    int code;
    try {
      code = run.run(got);
    } catch (InputException e) {
      out.diagnostic("error: " + e.getMessage());
      code = InterlockCli.EXIT_INPUT;
    } catch (RuntimeException e) {
      // keep watching: the next change may fix it
      out.diagnostic("platform error: " + e);
      code = InterlockCli.EXIT_PLATFORM;
    }
    got.forEach(p -> read.add(absolute(p)));
    return code;
  }

  /** The changed paths once changes have settled, or null when interrupted. */
  private Set<Path> awaitChange(WatchService service, Set<Path> read) throws IOException {
    Set<Path> changed = new LinkedHashSet<>();
    try {
      while (changed.isEmpty()) {
        collect(service, service.take(), read, changed);
      }
      WatchKey more;
      while ((more = service.poll(debounce.toMillis(), TimeUnit.MILLISECONDS)) != null) {
        collect(service, more, read, changed);
      }
      return changed;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private void collect(WatchService service, WatchKey key, Set<Path> read, Set<Path> changed) throws IOException {
    Path dir = watched.get(key);
    for (WatchEvent<?> event : key.pollEvents()) {
      if (event.kind() == OVERFLOW || dir == null) {
        changed.add(dir == null ? Path.of("?") : dir);
        continue;
      }
      Path p = dir.resolve((Path) event.context()).normalize();
      boolean underRoot = roots.stream().anyMatch(r -> p.startsWith(r) && Files.isDirectory(r));
      if (read.contains(p) || roots.contains(p) || underRoot && TestCommand.isTestFile(p)) {
        changed.add(p);
      } else if (event.kind() == ENTRY_CREATE && underRoot && Files.isDirectory(p)) {
        // a directory moved in or created: watch it, and run if it brought test files
        registerTree(service, p);
        try (Stream<Path> s = Files.walk(p)) {
          s.filter(TestCommand::isTestFile).forEach(changed::add);
        }
      }
    }
    if (!key.reset()) {
      watched.remove(key);
    }
  }

  private void register(WatchService service, Set<Path> read) throws IOException {
    for (Path r : roots) {
      if (Files.isDirectory(r)) {
        registerTree(service, r);
      } else {
        registerDir(service, r.getParent());
      }
    }
    for (Path p : read) {
      registerDir(service, p.getParent());
    }
  }

  private void registerTree(WatchService service, Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path d : s.filter(Files::isDirectory).toList()) {
        boolean skipped = false;
        for (Path part : dir.relativize(d)) {
          skipped |= part.toString().startsWith(".") || part.toString().equals("node_modules");
        }
        if (!skipped) {
          registerDir(service, d);
        }
      }
    }
  }

  private void registerDir(WatchService service, Path dir) throws IOException {
    if (dir != null && Files.isDirectory(dir)) {
      watched.put(dir.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE), dir);
    }
  }

  private static String describe(Set<Path> changed) {
    Path first = changed.iterator().next();
    String name = first.getFileName() == null ? first.toString() : first.getFileName().toString();
    return changed.size() == 1 ? name : name + " and " + (changed.size() - 1) + " more";
  }

  private static Path absolute(Path p) {
    return p.toAbsolutePath().normalize();
  }
}
