package org.jgan.tools.experiment;

import org.jgan.training.RunConfig;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jgan.training.TrainingDefaults;
import org.jgan.training.TrainingSettings;

/**
 * The intra-op thread count of an experiment cell's {@code jgan train}: the experiment's own
 * {@code threads} when it sets one; for a cell resumed, the count it was started with (a run's
 * numbers depend on its thread count, and resuming refuses a changed configuration); else what
 * {@code jgan train} would choose for the cell's data and sizes ({@link TrainingDefaults#threads}) with the
 * machine's processors divided among the {@code --jobs} cells running at once, so that they do not
 * oversubscribe the cores.
 */
final class CellThreads {
  private CellThreads() {}

  /** Adds {@code --threads N} to {@code trainArgs} unless they name it already. */
  static void add(List<String> trainArgs, int jobs, Path runDir, boolean resuming) throws IOException {
    if (trainArgs.contains("--threads")) {
      return;
    }
    Integer saved = resuming ? savedThreads(RunConfig.in(runDir)) : null;
    trainArgs.add("--threads");
    trainArgs.add(Integer.toString(saved != null ? saved : defaultThreads(trainArgs, jobs)));
  }

  /**
   * What {@code jgan train} would choose for the cell's data and sizes ({@link TrainingDefaults#threads}),
   * within the cell's share of the processors. Only a toy cell's sizes matter to that choice, so
   * only the toy defaults stand in for sizes the cell does not set.
   */
  private static int defaultThreads(List<String> trainArgs, int jobs) {
    String dataset = value(trainArgs, "--dataset", TrainingSettings.DATASET);
    try {
      int batch = Integer.parseInt(value(trainArgs, "--batch", Integer.toString(TrainingDefaults.TOY_BATCH)));
      String width = value(trainArgs, "--width", Integer.toString(TrainingDefaults.TOY_WIDTH));
      int widest = Math.max(Integer.parseInt(value(trainArgs, "--g-width", width)),
          Integer.parseInt(value(trainArgs, "--d-width", width)));
      return TrainingDefaults.threads(dataset, batch, widest, jobs);
    } catch (NumberFormatException e) {
      // jgan train refuses the malformed size itself, naming the flag; the thread count is not the place to fail.
      return TrainingDefaults.threads(dataset, Integer.MAX_VALUE, Integer.MAX_VALUE, jobs);
    }
  }

  /** The value the cell's arguments give {@code flag}, else {@code fallback}. */
  private static String value(List<String> trainArgs, String flag, String fallback) {
    int at = trainArgs.indexOf(flag);
    return at >= 0 && at + 1 < trainArgs.size() ? trainArgs.get(at + 1) : fallback;
  }

  private static Integer savedThreads(Path config) throws IOException {
    if (!Files.isRegularFile(config)) {
      return null;
    }
    try {
      JsonObject json = JsonParser.parseString(Files.readString(config, StandardCharsets.UTF_8)).getAsJsonObject();
      return json.has("threads") ? json.get("threads").getAsInt() : null;
    } catch (RuntimeException e) {
      // train --resume names the damaged file itself; the thread count is not the place to fail.
      return null;
    }
  }
}
