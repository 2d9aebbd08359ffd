package org.jgan.tools.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared progress reporter, timed by a fake clock: its arithmetic and its three modes. */
class ProgressReporterTest {
  private static final long SECOND = 1_000_000_000L;

  private final StringWriter text = new StringWriter();
  private long now = 5 * SECOND; // the clock's origin is arbitrary, as System.nanoTime's is

  private ProgressReporter reporter(ProgressReporter.Mode mode) {
    return new ProgressReporter(new PrintWriter(text), mode, () -> now);
  }

  private List<String> lines() {
    return text.toString().lines().toList();
  }

  @Test
  void rateIsWorkSinceTheStartOverTimeSinceAndEtaWhatRemainsAtThatRate() {
    ProgressTask task = reporter(ProgressReporter.Mode.LOG).start("step", 0, 1000, ProgressUnit.ITEMS);
    now += 20 * SECOND;
    task.update(250, "g/loss=0.5");
    // 250 in 20 s = 12.5/s; 750 left at that rate = 60 s.
    assertEquals("step 250/1000   25%  12.5/s  ETA 1:00  g/loss=0.5", lines().get(1));
  }

  @Test
  void aResumedTaskCountsOnlyThisProcesssWorkInItsRate() {
    ProgressTask task = reporter(ProgressReporter.Mode.LOG).start("step", 600, 1000, ProgressUnit.ITEMS);
    now += 10 * SECOND;
    task.update(700, "");
    // 100 done here in 10 s = 10/s (not 70/s); 300 left = 30 s.
    assertEquals("step 700/1000   70%  10.0/s  ETA 0:30", lines().get(1));
  }

  @Test
  void slowWorkIsCountedPerMinute() {
    ProgressTask task = reporter(ProgressReporter.Mode.LOG).start("cells", 0, 4, ProgressUnit.ITEMS);
    now += 40 * SECOND;
    task.update(1, "");
    // 1 cell in 40 s = 1.5/min; 3 left = 120 s.
    assertEquals("cells 1/4   25%  1.5/min  ETA 2:00", lines().get(1));
  }

  @Test
  void bytesAreWrittenInKilobytesOrMegabytes() {
    ProgressTask task = reporter(ProgressReporter.Mode.LOG).start("mnist/t10k.gz", 0, 4_000_000, ProgressUnit.BYTES);
    now += 2 * SECOND;
    task.update(1_000_000, "");
    assertEquals("mnist/t10k.gz 0.0 kB/4.0 MB    0%", lines().get(0), "no rate before any work");
    assertEquals("mnist/t10k.gz 1.0 MB/4.0 MB   25%  0.5 MB/s  ETA 0:06", lines().get(1));
  }

  @Test
  void aLogGetsPlainLinesAtTheStartEachTenthAndTheEnd() {
    ProgressTask task = reporter(ProgressReporter.Mode.LOG).start("step", 0, 100, ProgressUnit.ITEMS);
    for (int i = 1; i <= 100; i++) {
      now += SECOND / 10;
      task.update(i, "");
    }
    List<String> lines = lines();
    assertEquals(11, lines.size(), text.toString());
    assertTrue(lines.get(1).startsWith("step 10/100   10%  10.0/s  ETA 0:09"), lines.get(1));
    assertTrue(lines.get(10).startsWith("step 100/100  100%"), lines.get(10));
    assertTrue(!text.toString().contains("\r"), "no carriage returns in a log");
  }

  @Test
  void aTerminalLineIsRedrawnInPlaceAtMostFourTimesASecondAndEndedByANewline() {
    ProgressTask task = reporter(ProgressReporter.Mode.TERMINAL).start("cells", 0, 1000, ProgressUnit.ITEMS);
    for (int i = 1; i <= 1000; i++) {
      now += SECOND / 1000; // one second in all
      task.update(i, "");
    }
    String out = text.toString();
    long redraws = out.chars().filter(c -> c == '\r').count();
    // The start, one redraw per 250 ms, and the final line.
    assertTrue(redraws >= 4 && redraws <= 6, redraws + " redraws: " + out);
    assertTrue(out.endsWith("\n") && out.indexOf('\n') == out.length() - 1, "one newline, at the end: " + out);
    assertTrue(out.contains("\rcells 1000/1000  100%  1000.0/s"), out);
  }

  @Test
  void quietPrintsNothing() {
    ProgressTask task = reporter(ProgressReporter.Mode.QUIET).start("step", 0, 10, ProgressUnit.ITEMS);
    for (int i = 1; i <= 10; i++) {
      now += SECOND;
      task.update(i, "x");
    }
    task.finish("");
    assertEquals("", text.toString());
  }

  @Test
  void anUnknownTotalShowsTheAmountAndRateWithoutEta() {
    ProgressTask task = reporter(ProgressReporter.Mode.LOG).start("f", 0, -1, ProgressUnit.BYTES);
    now += SECOND;
    task.update(1_000_000, "");
    assertEquals(1, lines().size(), "without a total, a log line at most every 10 s: " + text);
    now += 9 * SECOND;
    task.update(20_000_000, "");
    assertEquals("f 20.0 MB  2.0 MB/s", lines().get(1));
  }
}
