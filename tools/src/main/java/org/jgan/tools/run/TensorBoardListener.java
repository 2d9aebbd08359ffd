package org.jgan.tools.run;

import org.jgan.training.TrainingDefaults;
import org.jgan.training.DataSeeds;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.jgan.data.NamedDatasets;
import org.jgan.data.ToyDistribution;
import org.jgan.eval.ToyMetrics;
import org.jgan.graphs.EventWriter;
import org.jgan.tools.figures.FigureWriter;
import org.jgan.training.Trainer;
import org.jgan.training.TrainingListener;

/**
 * Writes training to TensorBoard: every logged metric as a scalar tagged {@code phase/metric}
 * (e.g. {@code critic/loss}) and a picture of generator samples (tag {@code samples}) at intervals
 * and at the end. Close it.
 */
public final class TensorBoardListener implements TrainingListener, AutoCloseable {
  /** Images in the sample grid; points in the scatter plot are {@link TrainingDefaults#SAMPLE_COUNT}. */
  static final int GRID_IMAGES = 64;
  public static final String SAMPLES_TAG = "samples";
  /** Tag prefix of the evaluation metrics computed with each picture (2-D mixtures: mode coverage). */
  static final String EVAL_PREFIX = "eval/";

  private final EventWriter events;
  private final String dataset;
  private final float pixelLow;
  private final long seed;
  private final int logEvery;
  private final int imageEvery;
  private final long lastStep;
  private long lastImageStep = -1;

  /**
   * Opens an event file in {@code logDir}; scalars every {@code logEvery} iterations, pictures
   * every {@code imageEvery}, both also at {@code lastStep}.
   */
  TensorBoardListener(Path logDir, String dataset, float pixelLow, long seed, int logEvery, int imageEvery, long lastStep)
      throws IOException {
    this.events = new EventWriter(logDir);
    this.dataset = dataset;
    this.pixelLow = pixelLow;
    this.seed = seed;
    this.logEvery = logEvery;
    this.imageEvery = imageEvery;
    this.lastStep = lastStep;
  }

  @Override
  public boolean wantsMetrics(long iteration) {
    return logs(iteration);
  }

  private boolean logs(long step) {
    return step % logEvery == 0 || step == lastStep;
  }

  @Override
  public void afterIteration(Trainer trainer, Map<String, Float> metrics) {
    long step = trainer.state().iteration();
    if (logs(step)) {
      metrics.forEach((tag, value) -> events.scalar(tag, step, value));
    }
    if (step % imageEvery == 0) {
      samples(trainer, step);
    }
  }

  @Override
  public void finished(Trainer trainer) {
    long step = trainer.state().iteration();
    if (lastImageStep != step) {
      samples(trainer, step);
    }
    events.flush();
  }

  private void samples(Trainer trainer, long step) {
    if (NamedDatasets.isMultinomial(dataset)) {
      // Category vectors, not pictures: text is written as samples.txt, palettes need the data to decode.
      return;
    }
    BufferedImage picture;
    if (NamedDatasets.isToy(dataset)) {
      int count = TrainingDefaults.SAMPLE_COUNT;
      ToyDistribution toy = ToyDistribution.byId(dataset);
      float[] real = toy.sample(new SplittableRandom(DataSeeds.plot(seed)), count);
      float[] samples = trainer.sample(count, 0);
      picture = FigureWriter.image(RunFigures.toyScatter("samples at step " + step, toy, real, samples, "samples"));
      if (!toy.modes().isEmpty()) {
        ToyMetrics.Scores scores = ToyMetrics.of(toy).score(samples);
        events.scalar(EVAL_PREFIX + "modes_covered", step, scores.modesCovered());
        events.scalar(EVAL_PREFIX + "high_quality_share", step, (float) scores.highQualityShare());
      }
    } else {
      int[] s = trainer.spec().exampleShape();
      float[] images = Arrays.copyOf(trainer.sample(GRID_IMAGES, 0), GRID_IMAGES * s[0] * s[1] * s[2]);
      picture = Pictures.gridImage(images, GRID_IMAGES, s[0], s[1], s[2], pixelLow, 1f);
    }
    events.image(SAMPLES_TAG, step, Pictures.rgb(picture), picture.getHeight(), picture.getWidth());
    lastImageStep = step;
  }

  @Override
  public void close() {
    events.close();
  }
}
