package org.jgan.graphs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole-file writes: complete or not at all, and a failure names the file it was for. */
class AtomicFilesTest {
  @TempDir
  Path dir;

  @Test
  void writesAndReplaces() throws IOException {
    Path file = dir.resolve("sub").resolve("config.json");
    AtomicFiles.writeString(file, "one\n");
    AtomicFiles.writeLines(file, List.of("two", "three"));
    assertEquals("two\nthree\n", Files.readString(file));
    assertEquals(List.of(file), listing(file.getParent()), "no temporary file is left");
  }

  @Test
  void aWriteThatFailsLikeAFullDiskNamesTheFileAndKeepsTheOldContent() throws IOException {
    Path file = dir.resolve("metrics.json");
    Files.writeString(file, "old");
    IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(file, out -> {
      out.write(new byte[100]);
      // What a write on a full disk throws: no file name in it.
      throw new IOException("No space left on device");
    }));
    assertEquals("cannot write " + file + ": No space left on device", e.getMessage());
    assertEquals("old", Files.readString(file));
    assertEquals(List.of(file), listing(dir), "no temporary file is left");
  }

  @Test
  void aFileSystemErrorNamesTheTargetNotTheTemporaryFile() throws IOException {
    Path file = dir.resolve("picture.png");
    Files.createDirectories(file.resolve("in-the-way"));
    IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeString(file, "x"));
    assertTrue(e.getMessage().startsWith("cannot write " + file + ": "), e.getMessage());
    assertTrue(!e.getMessage().contains(".tmp"), e.getMessage());
    assertEquals(List.of(file), listing(dir));
  }

  private static List<Path> listing(Path folder) throws IOException {
    try (var entries = Files.list(folder)) {
      return entries.sorted().toList();
    }
  }
}
