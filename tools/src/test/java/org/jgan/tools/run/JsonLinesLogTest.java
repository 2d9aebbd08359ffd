package org.jgan.tools.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loss log reopened for a resumed run: which existing lines it keeps, drops or refuses. */
class JsonLinesLogTest {
  @TempDir
  Path dir;

  private static String line(long step) {
    return "{\"step\":" + step + ",\"g/loss\":0.5}";
  }

  @Test
  void keepsEveryValidLineUpToTheResumedStepAndDropsATornTail() throws Exception {
    Path file = dir.resolve("log.jsonl");
    // A torn line after the resumed step (the crash), then lines the crashed run wrote after it.
    Files.write(file, List.of(line(1), line(2), line(3), line(4), "{\"step\":5,\"g/lo", line(6)));
    try (JsonLinesLog log = new JsonLinesLog(file, 4)) {
      log.append(5, Map.of("g/loss", 0.25f));
    }
    assertEquals(List.of(line(1), line(2), line(3), line(4), "{\"step\":5,\"g/loss\":0.25}"), Files.readAllLines(file));
  }

  @Test
  void refusesACorruptLineBeforeTheResumedStepNamingIt() throws Exception {
    Path file = dir.resolve("log.jsonl");
    List<String> lines = List.of(line(1), "", "{\"step\":2,\"g/lo", line(3), line(4), line(5));
    Files.write(file, lines);
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new JsonLinesLog(file, 4));
    assertTrue(refused.getMessage().contains(file.toString()) && refused.getMessage().contains("line 3"),
        refused.getMessage());
    assertEquals(lines, Files.readAllLines(file), "a refused log is left as it was");
  }

  @Test
  void lastStepIsTheLastWholeEntryReadFromTheEnd() throws Exception {
    Path file = dir.resolve("log.jsonl");
    assertEquals(java.util.OptionalLong.empty(), JsonLinesLog.lastStep(file), "no log yet");
    Files.writeString(file, "");
    assertEquals(java.util.OptionalLong.empty(), JsonLinesLog.lastStep(file), "an empty log");
    // A line still being written (no newline) is not an entry yet.
    Files.writeString(file, line(100) + "\n" + line(200) + "\n{\"step\":300,\"g/lo");
    assertEquals(java.util.OptionalLong.of(200), JsonLinesLog.lastStep(file));
    // A log longer than the part read: its first line there is cut, its last whole one counts.
    StringBuilder longLog = new StringBuilder();
    long step = 0;
    while (longLog.length() < 3 * JsonLinesLog.TAIL_BYTES) {
      step += 100;
      longLog.append(line(step)).append('\n');
    }
    Files.writeString(file, longLog);
    assertEquals(java.util.OptionalLong.of(step), JsonLinesLog.lastStep(file));
  }
}
