package org.jgan.tools.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cell folder counts as complete only when its result records the cell's current settings. */
class CellIdentityTest {
  @TempDir
  Path out;

  private static ExperimentFile.Cell cell(String steps) {
    List<String> train = List.of("--objective", "gan", "--steps", steps, "--seed", "1");
    List<String> eval = List.of("--metrics", "toy");
    return new ExperimentFile.Cell("seed-1", Map.of("seed", 1L), train, eval, CellIdentity.describe(train, eval, "full"), 0);
  }

  private Path folderWithResult(ExperimentFile.Cell recorded) throws Exception {
    Path dir = Files.createDirectories(out.resolve("seed-1"));
    JsonObject result = new JsonObject();
    if (recorded != null) {
      CellIdentity.record(result, recorded);
    }
    Files.writeString(dir.resolve(ExperimentRunner.RESULT), result.toString());
    return dir;
  }

  @Test
  void theIdentityIgnoresOptionOrderButNotValuesOrScale() {
    List<String> eval = List.of("--n", "100");
    String a = CellIdentity.describe(List.of("--steps", "5", "--quiet", "--width", "8"), eval, "full");
    assertEquals(a, CellIdentity.describe(List.of("--width", "8", "--steps", "5", "--quiet"), eval, "full"));
    assertFalse(a.equals(CellIdentity.describe(List.of("--steps", "6", "--quiet", "--width", "8"), eval, "full")));
    assertFalse(a.equals(CellIdentity.describe(List.of("--steps", "5", "--quiet", "--width", "8"), eval, "quick")));
    assertEquals(64, CellIdentity.fingerprint(a).length());
  }

  @Test
  void aResultOfTheSameSettingsIsCompleteAndOfOthersIsNot() throws Exception {
    Path dir = folderWithResult(cell("5"));
    assertEquals(CellIdentity.State.COMPLETE, CellIdentity.state(dir, cell("5")));
    assertEquals(CellIdentity.State.RESULT_CHANGED, CellIdentity.state(dir, cell("50")));
  }

  @Test
  void aResultWithoutAFingerprintIsRerun() throws Exception {
    Path dir = folderWithResult(null);
    assertEquals(CellIdentity.State.RESULT_UNKNOWN, CellIdentity.state(dir, cell("5")));
  }

  @Test
  void anInterruptedRunResumesOnlyUnderItsOwnSettings() throws Exception {
    Path dir = Files.createDirectories(out.resolve("seed-1"));
    assertEquals(CellIdentity.State.TO_RUN, CellIdentity.state(dir, cell("5")), "an empty folder");
    Files.createDirectories(dir.resolve("run"));
    assertEquals(CellIdentity.State.RUN_CHANGED, CellIdentity.state(dir, cell("5")), "a run of unknown settings");
    CellIdentity.markStarted(dir, cell("5"));
    assertEquals(CellIdentity.State.TO_RUN, CellIdentity.state(dir, cell("5")));
    assertEquals(CellIdentity.State.RUN_CHANGED, CellIdentity.state(dir, cell("50")));
  }

  @Test
  void aChangedCellsFolderIsSetAsideNotDeleted() throws Exception {
    Path first = CellIdentity.setAside(out, folderWithResult(cell("5")));
    Path second = CellIdentity.setAside(out, folderWithResult(cell("6")));
    assertFalse(Files.exists(out.resolve("seed-1")));
    assertEquals(out.resolve(".stale/seed-1.1"), first);
    assertEquals(out.resolve(".stale/seed-1.2"), second);
    assertTrue(Files.exists(second.resolve(ExperimentRunner.RESULT)));
  }
}
