package org.jgan.graphs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared JSON writer: the text every jgan JSON file has had, written whole or not at all. */
class JsonFilesTest {
  @TempDir
  Path dir;

  private static Map<String, Object> document() {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("protocol", "p(y|x) <= 1 & 'quoted'");
    document.put("seed", null);
    document.put("shape", List.of(28, 28));
    document.put("score", Double.NaN);
    return document;
  }

  @Test
  void writesPrettyJsonWithNullsUnescapedTextNanAndAFinalNewline() throws IOException {
    Path file = dir.resolve("run").resolve("metrics.json");
    JsonFiles.write(file, document());
    assertEquals("""
        {
          "protocol": "p(y|x) <= 1 & 'quoted'",
          "seed": null,
          "shape": [
            28,
            28
          ],
          "score": NaN
        }
        """, Files.readString(file));
  }

  @Test
  void withoutNullsLeavesNullFieldsOut() throws IOException {
    Path file = dir.resolve("eval.json");
    JsonFiles.writeWithoutNulls(file, document());
    assertEquals("""
        {
          "protocol": "p(y|x) <= 1 & 'quoted'",
          "shape": [
            28,
            28
          ],
          "score": NaN
        }
        """, Files.readString(file));
  }

  @Test
  void aValueThatCannotBeWrittenLeavesThePreviousFileAndNoTemporaryFile() throws IOException {
    Path file = dir.resolve("best.json");
    JsonFiles.write(file, Map.of("step", 1));
    String before = Files.readString(file);
    // Gson refuses to serialise a Class.
    assertThrows(UnsupportedOperationException.class, () -> JsonFiles.write(file, Map.of("type", String.class)));
    assertEquals(before, Files.readString(file));
    try (var listing = Files.list(dir)) {
      assertEquals(List.of(file), listing.toList());
    }
  }

  @Test
  void theFileGetsTheSamePermissionsAsAnyNewFileNotOwnerOnly() throws IOException {
    Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
    Path json = dir.resolve("cell.json");
    JsonFiles.write(json, Map.of("cell", "a"));
    assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)),
        PosixFilePermissions.toString(Files.getPosixFilePermissions(json)));
  }
}
