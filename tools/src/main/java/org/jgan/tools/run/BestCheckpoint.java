package org.jgan.tools.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.jgan.graphs.CheckpointStore;
import org.jgan.training.RunConfig;
import org.jgan.training.Trainer;
import org.jgan.training.TrainingListener;

/**
 * Keeps the checkpoint with the best validation Parzen score ({@link QualityProbe#VALIDATION_KEY})
 * as a run folder of its own, {@code RUN/best} (config.json and checkpoints/), which {@code jgan
 * eval}, {@code sample} and {@code export} open like any run. The score travels in the checkpoint's
 * own state, written atomically with it, so a resumed run knows the best so far.
 */
public final class BestCheckpoint implements TrainingListener {
  public static final String FOLDER = "best";
  private static final String SCORE = "validation_parzen";

  private final Path dir;
  private final RunConfig config;
  private final CheckpointStore store;
  private double best;

  private BestCheckpoint(Path dir, RunConfig config, CheckpointStore store, double best) {
    this.dir = dir;
    this.config = config;
    this.store = store;
    this.best = best;
  }

  /** The best-checkpoint keeper of the run in {@code runDir}, resuming from any best already kept. */
  static BestCheckpoint open(Path runDir, RunConfig config) throws IOException {
    Path dir = runDir.resolve(FOLDER);
    CheckpointStore store = new CheckpointStore(dir.resolve(TrainingRun.CHECKPOINTS), 1);
    Optional<CheckpointStore.Checkpoint> kept = store.latest();
    double best = kept.map(c -> Double.parseDouble(c.state().getProperty(SCORE, "-Infinity")))
        .orElse(Double.NEGATIVE_INFINITY);
    return new BestCheckpoint(dir, config, store, best);
  }

  /** It reads the validation score {@link QualityProbe} adds, not the phases' scalars. */
  @Override
  public boolean wantsMetrics(long iteration) {
    return false;
  }

  @Override
  public void afterIteration(Trainer trainer, Map<String, Float> metrics) throws Exception {
    Float score = metrics.get(QualityProbe.VALIDATION_KEY);
    if (score == null || !(score > best)) {
      return;
    }
    Files.createDirectories(dir);
    config.write(RunConfig.in(dir));
    Properties state = trainer.state().toProperties();
    state.setProperty(SCORE, Float.toString(score));
    store.save(trainer.sessionToSave(), trainer.state().iteration(), state);
    best = score;
    writeSummary(trainer.state().iteration(), score);
  }

  /** best.json: which step was kept and its score, for people; the checkpoint's state is authoritative. */
  private void writeSummary(long step, float score) throws IOException {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("step", step);
    summary.put(SCORE, score);
    summary.put("protocol", "Parzen log-likelihood of the validation split under " + QualityProbe.SAMPLES + " samples"
        + (org.jgan.data.NamedDatasets.isToy(config.dataset()) ? "" : ": jgan eval --checkpoint " + dir + " --metrics parzen --n "
            + QualityProbe.SAMPLES + " --split validation --real-images " + QualityProbe.REAL_IMAGES));
    org.jgan.graphs.JsonFiles.writeWithoutNulls(dir.resolve("best.json"), summary);
  }
}
