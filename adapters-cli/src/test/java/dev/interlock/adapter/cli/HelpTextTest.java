package dev.interlock.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Every command's {@code --help}: no line wider than the usage width, and no description cut in the
 * middle of a sentence. picocli shows only the first description line in the parent's command list,
 * so each line of a command's description must be a whole sentence; option and parameter
 * descriptions may be lower-case fragments, but must not stop on a comma or a dangling word.
 */
class HelpTextTest {
  private static final Pattern SENTENCE_END = Pattern.compile(".*[.!?)]$|.*\\.\\)$");
  private static final Set<String> DANGLING = Set.of(
      "a", "an", "the", "and", "or", "of", "to", "by", "with", "for", "in", "on", "from", "is", "are", "its", "their", "than");

  private static List<CommandLine> all(CommandLine root) {
    List<CommandLine> out = new ArrayList<>();
    out.add(root);
    root.getSubcommands().values().forEach(sub -> {
      if (!out.contains(sub)) {
        out.addAll(all(sub));
      }
    });
    return out;
  }

  private static CommandLine cli() {
    return InterlockCli.commandLine(CliOutput.capture(new StringWriter(), new StringWriter()));
  }

  @Test
  void noHelpLineIsWiderThanTheUsageWidth() {
    List<String> tooWide = new ArrayList<>();

    for (CommandLine c : all(cli())) {
      int width = c.getCommandSpec().usageMessage().width();
      for (String line : c.getUsageMessage().split("\\R")) {
        if (line.length() > width) {
          tooWide.add(c.getCommandSpec().qualifiedName() + ": " + line);
        }
      }
    }

    assertThat(tooWide).isEmpty();
  }

  @Test
  void everyCommandDescriptionLineIsAWholeSentence() {
    List<String> cut = new ArrayList<>();

    for (CommandLine c : all(cli())) {
      CommandSpec spec = c.getCommandSpec();
      String[] description = spec.usageMessage().description();
      if (description.length == 0) {
        cut.add(spec.qualifiedName() + ": no description");
      }
      for (String line : description) {
        String text = line.replace("%n", "").strip(); // picocli format newlines (its own help command)
        if (!SENTENCE_END.matcher(text).matches() || !Character.isUpperCase(text.charAt(0))) {
          cut.add(spec.qualifiedName() + ": \"" + line + "\"");
        }
      }
    }

    assertThat(cut).isEmpty();
  }

  @Test
  void noOptionOrParameterDescriptionStopsMidSentence() {
    List<String> cut = new ArrayList<>();

    for (CommandLine c : all(cli())) {
      List<ArgSpec> args = new ArrayList<>(c.getCommandSpec().options());
      args.addAll(c.getCommandSpec().positionalParameters());
      for (ArgSpec a : args) {
        String text = String.join(" ", a.description()).strip();
        String[] words = text.split("\\s+");
        String last = words[words.length - 1].toLowerCase(java.util.Locale.ROOT);
        if (text.isEmpty() || text.matches(".*[,;:(\\-]$") || DANGLING.contains(last)) {
          cut.add(c.getCommandSpec().qualifiedName() + " " + a + ": \"" + text + "\"");
        }
      }
    }

    assertThat(cut).isEmpty();
  }

  @Test
  void theChecksCatchACutDescription() {
    CommandLine broken = new CommandLine(CommandSpec.create().name("broken")
        .addOption(CommandLine.Model.OptionSpec.builder("--x").description("reads the value from the").build()));
    broken.getCommandSpec().usageMessage().description("Runs the files and prints the");

    String line = broken.getCommandSpec().usageMessage().description()[0];
    String option = broken.getCommandSpec().options().get(0).description()[0];

    assertThat(SENTENCE_END.matcher(line).matches()).isFalse();
    assertThat(DANGLING).contains(option.substring(option.lastIndexOf(' ') + 1));
  }
}
