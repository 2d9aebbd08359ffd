package org.jgan.tools.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** timing.json records the process that ran the loop, and survives a resume that runs nothing. */
class LoopTimerTest {
  @TempDir
  Path dir;

  @Test
  void aResumeWithNothingLeftKeepsTheEarlierTiming() throws Exception {
    Path file = dir.resolve(LoopTimer.FILE);
    LoopTimer ran = new LoopTimer(file, 0);
    for (int i = 0; i < 8; i++) {
      ran.afterIteration(null, Map.of());
    }
    ran.finished(null);
    String written = Files.readString(file);
    assertEquals(8, read(file).get("iterations").getAsInt());

    new LoopTimer(file, 8).finished(null); // resumed at its last step: no iteration runs
    assertEquals(written, Files.readString(file));
  }

  @Test
  void aRunThatRanNothingStillSaysSoWhenNoEarlierTimingExists() throws Exception {
    Path file = dir.resolve(LoopTimer.FILE);
    new LoopTimer(file, 0).finished(null);
    JsonObject timing = read(file);
    assertEquals(0, timing.get("iterations").getAsInt());
    assertEquals(0.0, timing.get("loop_seconds").getAsDouble());
  }

  private static JsonObject read(Path file) throws Exception {
    return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
  }
}
