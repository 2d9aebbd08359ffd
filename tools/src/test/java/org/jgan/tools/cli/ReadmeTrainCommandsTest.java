package org.jgan.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * Every {@code ./jgan train} command in the code blocks of the README and of {@code docs/*.md} is one {@code jgan train} accepts:
 * no flag its objective does not read, no bad value. (Usage lines with alternatives, {@code a|b}
 * or {@code [--flag]}, are synopses, not commands.) Checked as the command checks them before
 * training, without training.
 */
class ReadmeTrainCommandsTest {
  /** Tests run in the module folder; the README is at the repository root. */
  private static final Path README = Path.of("..", "README.md");
  /** The documents beside it: the reproductions' commands are run by readers as they stand. */
  private static final Path DOCS = Path.of("..", "docs");
  private static final String TRAIN = "./jgan train ";

  /** A shell loop's variable and values, as a code block writes it: {@code for S in 2 3; do}. */
  private static final java.util.regex.Pattern LOOP = java.util.regex.Pattern.compile("for (\\w+) in ([^;]+); do");

  /**
   * The train commands of the README's fenced code blocks, continuation lines joined, arguments after
   * {@code train}; a command that names a variable of a loop earlier in its block ({@code $S} after
   * {@code for S in 2 3; do}) once for each of the loop's values.
   */
  static List<List<String>> trainCommands(List<String> lines) {
    List<List<String>> commands = new ArrayList<>();
    java.util.Map<String, List<String>> loops = new java.util.LinkedHashMap<>();
    boolean inCode = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.startsWith("```")) {
        inCode = !inCode;
        loops.clear();
        continue;
      }
      java.util.regex.Matcher loop = LOOP.matcher(line);
      while (inCode && loop.find()) {
        loops.put(loop.group(1), Arrays.asList(loop.group(2).strip().split("\\s+")));
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
        for (String expanded : expand(command.toString().strip(), loops)) {
          commands.add(Arrays.asList(expanded.split("\\s+")));
        }
      }
    }
    return commands;
  }

  /** {@code command} once per combination of the values of the loop variables it names; unknown ones stay. */
  private static List<String> expand(String command, java.util.Map<String, List<String>> loops) {
    List<String> results = List.of(command);
    for (java.util.Map.Entry<String, List<String>> loop : loops.entrySet()) {
      java.util.regex.Pattern variable = java.util.regex.Pattern.compile("\\$\\{?" + loop.getKey() + "\\b\\}?");
      if (!variable.matcher(command).find()) {
        continue;
      }
      List<String> next = new ArrayList<>();
      for (String partial : results) {
        for (String value : loop.getValue()) {
          next.add(variable.matcher(partial).replaceAll(java.util.regex.Matcher.quoteReplacement(value)));
        }
      }
      results = next;
    }
    return results;
  }

  @Test
  void everyTrainCommandInTheReadmeIsAccepted() throws Exception {
    List<List<String>> commands = trainCommands(Files.readAllLines(README));
    assertTrue(commands.size() >= 4, "the README's train commands were found: " + commands);
    assertTrue(commands.stream().anyMatch(c -> c.contains("--d-loss-weight")), "the GAN paper's recipe is among them");
    assertAccepted(README, commands);
  }

  @Test
  void everyTrainCommandInTheDocsIsAccepted() throws Exception {
    List<Path> docs;
    try (java.util.stream.Stream<Path> files = Files.list(DOCS)) {
      docs = files.filter(f -> f.getFileName().toString().endsWith(".md")).sorted().toList();
    }
    List<List<String>> reproductions = trainCommands(Files.readAllLines(DOCS.resolve("reproductions.md")));
    assertTrue(reproductions.stream().anyMatch(c -> c.contains("--lr-decay-factor")),
        "the reproductions' probe commands were found: " + reproductions);
    for (Path doc : docs) {
      assertAccepted(doc, trainCommands(Files.readAllLines(doc)));
    }
  }

  /** Fails naming {@code file} and the command at the first of {@code commands} that jgan train refuses. */
  private static void assertAccepted(Path file, List<List<String>> commands) {
    TrainCommand train = new TrainCommand();
    CommandLine cli = new CommandLine(train);
    for (List<String> command : commands) {
      try {
        cli.parseArgs(command.toArray(String[]::new));
        train.resolve();
      } catch (CommandLine.ParameterException e) {
        fail(file + ": ./jgan train " + String.join(" ", command) + ": " + e.getMessage());
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

  @Test
  void aLoopsVariablesAreExpandedToEachValue() {
    List<List<String>> commands = trainCommands(List.of("```", "for S in 2 3; do for O in wgan gan-ns; do",
        "  ./jgan train --objective $O --seed ${S} --out runs/$O-$S", "done; done", "```",
        "```", "./jgan train --seed $S", "```"));
    assertEquals(List.of(
        List.of("--objective", "wgan", "--seed", "2", "--out", "runs/wgan-2"),
        List.of("--objective", "gan-ns", "--seed", "2", "--out", "runs/gan-ns-2"),
        List.of("--objective", "wgan", "--seed", "3", "--out", "runs/wgan-3"),
        List.of("--objective", "gan-ns", "--seed", "3", "--out", "runs/gan-ns-3"),
        List.of("--seed", "$S")), commands, "a loop reaches only the commands of its own block");
  }
}
