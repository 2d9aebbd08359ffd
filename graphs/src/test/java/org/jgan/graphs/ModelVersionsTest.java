package org.jgan.graphs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which SavedModel folder a user's path means: itself, or the base folder's highest version. */
class ModelVersionsTest {
  @TempDir
  Path dir;

  @Test
  void aBaseFolderMeansItsHighestNumberedVersion() throws IOException {
    Path base = dir.resolve("model");
    for (String name : new String[] {"2", "10", "9", ".partial-version-1", "notes", "11x"}) {
      Files.createDirectories(base.resolve(name));
    }
    Files.writeString(base.resolve("12"), "a file is not a version");
    assertEquals(base.resolve("10"), ModelVersions.resolve(base), "10 is newer than 9 (numbers, not names)");
    assertEquals(10, ModelVersions.highest(base).getAsLong());
  }

  @Test
  void aFolderHoldingSavedModelDirectlyIsTheModelItself() throws IOException {
    Path version = Files.createDirectories(dir.resolve("model").resolve("3"));
    Files.writeString(version.resolve(SavedModels.SAVED_MODEL_FILE), "");
    Files.createDirectories(version.resolve("7"));
    assertEquals(version, ModelVersions.resolve(version), "a version folder, or a model exported before versions");
  }

  @Test
  void aFolderWithNeitherIsNamed() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelVersions.resolve(empty));
    assertTrue(e.getMessage().startsWith(empty + " holds neither saved_model.pb nor a numbered version folder"),
        e.getMessage());
    Path missing = dir.resolve("missing");
    e = assertThrows(IllegalArgumentException.class, () -> ModelVersions.resolve(missing));
    assertEquals(missing + " not found", e.getMessage());
  }
}
