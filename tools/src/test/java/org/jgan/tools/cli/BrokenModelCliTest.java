package org.jgan.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jgan.training.export.ModelMetadata;

/** A model folder with an empty or malformed jgan.json, or a damaged SavedModel: one line naming it, exit 2. */
class BrokenModelCliTest {
  @TempDir
  static Path shared;

  static Path model;

  @TempDir
  Path dir;

  @BeforeAll
  static void trainAndExport() {
    CliRunner.trainAndExport(shared.resolve("run"), shared.resolve("model"));
    model = shared.resolve("model").resolve("1");
  }

  @Test
  void anEmptyOrIncompleteMetadataFileIsNamed() throws IOException {
    for (String content : new String[] {"", "{}", "{\"format\": \"jgan-savedmodel-1\"}", "[1, 2]"}) {
      Path broken = copy();
      Files.writeString(broken.resolve(ModelMetadata.FILE), content);
      for (String[] command : commands(broken)) {
        CliRunner.Outcome outcome = CliRunner.run(command);
        assertEquals(2, outcome.exitCode(), content + " / " + command[0] + ": " + outcome.err());
        assertEquals(1, outcome.errorLines().size(), outcome.err());
        assertTrue(outcome.err().contains(broken.resolve(ModelMetadata.FILE) + ": not valid model metadata"),
            outcome.err());
      }
    }
  }

  @Test
  void aTruncatedSavedModelIsNamed() throws IOException {
    Path broken = copy();
    try (FileChannel pb = FileChannel.open(broken.resolve("saved_model.pb"), StandardOpenOption.WRITE)) {
      pb.truncate(20);
    }
    for (String[] command : commands(broken)) {
      CliRunner.Outcome outcome = CliRunner.run(command);
      assertEquals(2, outcome.exitCode(), command[0] + ": " + outcome.err());
      assertEquals(1, outcome.errorLines().size(), outcome.err());
      assertTrue(outcome.err().contains(broken + ": not a loadable SavedModel"), outcome.err());
    }
  }

  private String[][] commands(Path broken) {
    return new String[][] {
        {"sample", "--model", broken.toString(), "--n", "5", "--out", dir.resolve("s.npy").toString()},
        {"eval", "--model", broken.toString(), "--metrics", "toy", "--n", "50"}};
  }

  private Path copy() throws IOException {
    Path copy = Files.createTempDirectory(dir, "model");
    try (Stream<Path> walk = Files.walk(model)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path target = copy.resolve(model.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    return copy;
  }
}
