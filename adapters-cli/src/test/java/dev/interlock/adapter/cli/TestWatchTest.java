package dev.interlock.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code interlock test --watch} on a temporary directory, run in a thread and stopped by interrupting it. */
class TestWatchTest {
  private static final long WAIT_MS = 20_000;

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final AtomicInteger exitCode = new AtomicInteger(-1);
  private Thread watcher;

  @AfterEach
  void stopWatching() throws InterruptedException {
    if (watcher != null) {
      watcher.interrupt();
      watcher.join(WAIT_MS);
    }
  }

  private void startWatching(String... paths) {
    String[] args = new String[paths.length + 2];
    args[0] = "test";
    args[1] = "--watch";
    System.arraycopy(paths, 0, args, 2, paths.length);
    watcher = new Thread(() -> exitCode.set(InterlockCli.commandLine(CliOutput.capture(out, err)).execute(args)));
    watcher.setDaemon(true);
    watcher.start();
  }

  /** Waits until {@code text} holds, at most {@link #WAIT_MS}; polling is the wait, not the assertion. */
  private static void await(StringWriter text, Predicate<String> condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT_MS * 1_000_000;
    while (!condition.test(text.toString())) {
      if (System.nanoTime() > deadline) {
        fail("timed out waiting for " + what + "; output so far:\n" + text);
      }
      Thread.sleep(20);
    }
  }

  private static int count(String text, String part) {
    return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
  }

  /** Saves like many editors do: write a new file beside the old one, then rename it over. */
  private void save(String name, String text) throws IOException {
    Path tmp = Files.writeString(dir.resolve("." + name + ".swp"), text);
    Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static String claim(String plan) {
    return "exports.onExecutePostLogin = async (event, api) => {\n"
        + "  api.accessToken.setCustomClaim('plan', '" + plan + "');\n};\n";
  }

  @Test
  void rerunsAfterAnActionChangesAndKeepsWatchingThroughAnInvalidTestFile() throws Exception {
    Files.createDirectories(dir.resolve("actions"));
    Files.writeString(dir.resolve("actions/plan.js"), claim("pro"));
    String test = """
        {"trigger": "post-login", "action": "actions/plan.js",
         "expect": {"commands": [{"name": "accessToken.setCustomClaim", "args": ["plan", "pro"]}]}}
        """;
    Files.writeString(dir.resolve("plan.test.json"), test);

    startWatching(dir.toString());
    await(out, o -> o.contains("1 passed, 0 failed"), "the first run");
    await(err, e -> count(e, "watching") == 1, "the watch to start");
    Files.writeString(dir.resolve("actions/plan.js"), claim("free"));

    await(out, o -> o.contains("0 passed, 1 failed"), "the run after the action changed");
    assertThat(out.toString()).contains("──── re-running 1 test file after a change to plan.js ────")
        .contains("+  \"args\" : [ \"plan\", \"free\" ]");

    await(err, e -> count(e, "watching") == 2, "the watch to resume");
    save("plan.test.json", "{\"trigger\": \"post-login\"}");
    await(err, e -> e.contains("$.action: an action file"), "the invalid test file's error");

    await(err, e -> count(e, "watching") == 3, "the watch to resume after the error");
    save("plan.test.json", test.replace("\"pro\"", "\"free\""));
    await(out, o -> count(o, "1 passed, 0 failed") == 2, "the run after the test file was fixed");

    watcher.interrupt();
    watcher.join(WAIT_MS);
    assertThat(watcher.isAlive()).isFalse();
    assertThat(exitCode.get()).isZero();
    assertThat(count(out.toString(), "re-running")).isEqualTo(3);
  }

  @Test
  void runsANewTestFileCreatedInAWatchedDirectoryButIgnoresUnrelatedFiles() throws Exception {
    Files.writeString(dir.resolve("plan.js"), claim("pro"));
    Files.writeString(dir.resolve("a.test.json"), "{\"trigger\": \"post-login\", \"action\": \"plan.js\"}");

    startWatching(dir.toString());
    await(err, e -> count(e, "watching") == 1, "the watch to start");
    Files.writeString(dir.resolve("notes.txt"), "not a test");
    Files.writeString(dir.resolve("b.test.json"), "{\"trigger\": \"post-login\", \"action\": \"plan.js\", "
        + "\"expect\": {\"status\": \"denied\"}}");

    await(out, o -> o.contains("1 passed, 1 failed"), "the run with the new test file");
    assertThat(out.toString()).contains("re-running 2 test files after a change to b.test.json")
        .doesNotContain("notes.txt");
  }
}
