package org.jgan.tools.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import org.junit.jupiter.api.Test;

/**
 * Every {@code ./jgan train} command in the README's code blocks is one {@code jgan train} accepts:
 * no flag its objective does not read, no bad value. (Usage lines with alternatives, {@code a|b}
 * or {@code [--flag]}, are synopses, not commands.) Checked as the command checks them before
 * training, without training.
 */
class ReadmeTrainCommandsTest {
  /** Tests run in the module folder; the README is at the repository root. */
  private static final Path README = Path.of("..", "README.md");
  private static final String TRAIN = "./jgan train ";

  /** The train commands of the README's fenced code blocks, continuation lines joined, arguments after {@code train}. */
  static List<List<String>> trainCommands(List<String> lines) {
    List<List<String>> commands = new ArrayList<>();
    boolean inCode = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.startsWith("```")) {
        inCode = !inCode;
        continue;
      }
      int at = line.indexOf(TRAIN);
      if (!inCode || at < 0) {
        continue;
      }
      StringBuilder command = new StringBuilder(line.substring(at + TRAIN.length()));
      while (command.toString().endsWith("\\") && i + 1 < lines.size()) {
        command.setLength(command.length() - 1);
        command.append(' ').append(lines.get(++i).strip());
      }
      if (command.indexOf("|") < 0 && command.indexOf("[") < 0) {
        commands.add(Arrays.asList(command.toString().strip().split("\\s+")));
      }
    }
    return commands;
  }

  @Test
  void everyTrainCommandInTheReadmeIsAccepted() throws Exception {
    List<List<String>> commands = trainCommands(Files.readAllLines(README));
    assertTrue(commands.size() >= 4, "the README's train commands were found: " + commands);
    assertTrue(commands.stream().anyMatch(c -> c.contains("--d-loss-weight")), "the GAN paper's recipe is among them");
    TrainCommand train = new TrainCommand();
    CommandLine cli = new CommandLine(train);
    for (List<String> command : commands) {
      try {
        cli.parseArgs(command.toArray(String[]::new));
        train.resolve();
      } catch (CommandLine.ParameterException e) {
        fail("README: ./jgan train " + String.join(" ", command) + ": " + e.getMessage());
      }
    }
  }

  @Test
  void aCommandWithAFlagItsObjectiveDoesNotReadWouldBeCaught() {
    List<List<String>> commands = trainCommands(List.of("```", "./jgan train --objective gan --gp-weight 5 \\",
        "    --out runs/x", "```", "./jgan train --objective gan --steps 1 --out prose-not-code"));
    assertFalse(commands.isEmpty());
    TrainCommand train = new TrainCommand();
    CommandLine cli = new CommandLine(train);
    cli.parseArgs(commands.get(0).toArray(String[]::new));
    CommandLine.ParameterException e = org.junit.jupiter.api.Assertions.assertThrows(CommandLine.ParameterException.class,
        train::resolve);
    assertTrue(e.getMessage().startsWith("--gp-weight: objective 'gan' does not take it"), e.getMessage());
    assertTrue(commands.size() == 1, "only code blocks count: " + commands);
  }
}
