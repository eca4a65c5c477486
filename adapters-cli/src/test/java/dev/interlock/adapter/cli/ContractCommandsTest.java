package dev.interlock.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.json.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractCommandsTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int interlock(String... args) {
    return InterlockCli.commandLine(CliOutput.capture(out, err)).execute(args);
  }

  @Test
  void listsEveryTriggerOfTheFamiliesOnTheClassPath() {
    int code = interlock("triggers", "list");

    assertThat(code).isZero();
    assertThat(out.toString()).contains("TRIGGER").contains("post-login").contains("credentials-exchange")
        .contains("send-phone-message").contains("custom-token-exchange");
  }

  @Test
  @SuppressWarnings("unchecked")
  void describesATriggersEventFieldsAndApiMethods() {
    int code = interlock("triggers", "describe", "post-login", "--json");

    assertThat(code).as(err.toString()).isZero();
    Map<String, Object> d = Json.parseObject(out.toString());
    assertThat((List<Map<String, Object>>) d.get("event")).extracting(f -> f.get("path"))
        .contains("event.user", "event.user.email");
    assertThat((List<Map<String, Object>>) d.get("api")).extracting(m -> m.get("method"))
        .contains("api.access.deny", "api.accessToken.setCustomClaim");
  }

  @Test
  void describesATriggerAsTablesForPeople() {
    int code = interlock("triggers", "describe", "post-login");

    assertThat(code).isZero();
    assertThat(out.toString()).contains("EVENT FIELD").contains("API METHOD").contains("api.access.deny(");
  }

  @Test
  void refusesAnUnknownTrigger() {
    int code = interlock("triggers", "describe", "no-such-trigger");

    assertThat(code).isEqualTo(InterlockCli.EXIT_INPUT);
    assertThat(err.toString()).contains("unknown trigger 'no-such-trigger'");
  }

  @Test
  void writesTypeScriptDeclarationsOfEveryTrigger() throws IOException {
    Path file = dir.resolve("interlock.d.ts");

    int code = interlock("types", "--out", file.toString());

    assertThat(code).as(err.toString()).isZero();
    String ts = Files.readString(file);
    assertThat(ts).contains("export interface PostLoginEvent {").contains("export interface PostLoginApi {")
        .contains("setCustomClaim(").contains("): PostLoginApi;")
        .contains("export type OnExecutePostLoginHandler = (event: PostLoginEvent, api: PostLoginApi)")
        .contains("export interface CredentialsExchangeEvent {");
    assertThat(ts.chars().filter(c -> c == '{').count()).isEqualTo(ts.chars().filter(c -> c == '}').count());
  }

  @Test
  void printsABashCompletionScriptNamingTheCommands() {
    int code = interlock("completion");

    assertThat(code).isZero();
    assertThat(out.toString()).contains("complete -F").contains("actions").contains("bindings").contains("rollback");
  }

  @Test
  void printsTheVersionAndHelpOfEveryCommand() {
    assertThat(interlock("--version")).isZero();
    assertThat(out.toString()).isNotBlank();
    for (String[] cmd : List.of(new String[] {"actions", "rollback", "--help"}, new String[] {"secrets", "set", "--help"},
        new String[] {"test", "--help"}, new String[] {"types", "--help"}, new String[] {"bindings", "set", "--help"})) {
      assertThat(interlock(cmd)).as(String.join(" ", cmd)).isZero();
    }
    assertThat(out.toString()).contains("--from-env").contains("--junit-xml").contains("--update-draft");
  }

  @Test
  void treatsAGroupWithoutSubcommandAsAUsageError() {
    int code = interlock("actions");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("a subcommand is required").contains("rollback");
  }
}
