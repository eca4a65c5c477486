package dev.interlock.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, run as a separate process exactly as the README shows. */
class RunJarIT {
  @Test
  void thePackagedJarRunsTheReadmeExample() throws IOException, InterruptedException {
    Path jar = Path.of("target/interlock.jar");
    assertThat(jar).exists();
    Process p = new ProcessBuilder(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
            "run", "--trigger", "post-login", "--event", "../examples/post-login-event.json",
            "../examples/add-roles.js"))
        .redirectErrorStream(false)
        .start();
    String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(p.exitValue()).as(stderr).isZero();
    assertThat(Json.parseObject(stdout).get("status")).isEqualTo("completed");
    assertThat(stdout).contains("https://example.com/roles");
  }

  @TempDir Path dir;

  @Test
  void thePackagedJarCreatesAndDeploysAnActionInALocalDataDirectory() throws IOException, InterruptedException {
    Path data = dir.resolve("data");

    Result created = jar("actions", "create", "--trigger", "post-login", "--name", "add-roles",
        "--file", "../examples/add-roles.js", "--deploy", "--data-dir", data.toString(), "--json");
    Result listed = jar("actions", "list", "--data-dir", data.toString());

    assertThat(created.code()).as(created.stderr()).isZero();
    assertThat(Json.parseObject(created.stdout()).get("deployed_version")).isEqualTo(1L);
    assertThat(listed.code()).as(listed.stderr()).isZero();
    assertThat(listed.stdout()).contains("add-roles").contains("deployed");
    assertThat(data.resolve("interlock.db")).exists();
  }

  private record Result(int code, String stdout, String stderr) {}

  private static Result jar(String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", "target/interlock.jar"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).start();
    String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), stdout, stderr);
  }
}
