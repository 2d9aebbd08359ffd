package org.jgan.tools;

import org.jgan.data.NamedDatasets;
import org.jgan.graphs.optim.ExponentialDecay;
import org.jgan.graphs.models.Dcgan;
import org.jgan.losses.DiscreteBgan;
import org.jgan.losses.ObjectiveOptions;
import org.jgan.losses.Objectives;

/**
 * The one place the command line's defaults live. Image data uses the papers' settings; the 2-D
 * toy sets use a small fast model and, for WGAN-GP, the reference toy script's lambda = 0.1 with a
 * larger, linearly decayed learning rate so a run converges in seconds.
 */
public final class Defaults {
  public static final long SEED = 1;
  public static final int THREADS = 2;
  public static final int CHECKPOINT_EVERY = 500;
  public static final int KEEP_CHECKPOINTS = 3;
  public static final int LOG_EVERY = 10;
  public static final int SAMPLE_COUNT = 2500;
  /** Discrete BGAN's samples M drawn per z. */
  public static final int SAMPLES_PER_Z = DiscreteBgan.SAMPLES_PER_Z;

  /** {@code --optimizer momentum}: the GAN paper's initial momentum (mnist.yaml, init_momentum). */
  public static final float MOMENTUM = 0.5f;
  /** {@code --momentum-ramp}: the GAN paper's MomentumAdjustor start and saturate epochs. */
  public static final String MOMENTUM_RAMP = "1:250";
  /** {@code --lr-decay exponential}: the GAN paper's ExponentialDecay (factor 1.000004, floor 1e-6). */
  public static final ExponentialDecay LR_DECAY = ExponentialDecay.GAN_PAPER_MNIST;
  /** {@code --dataset folder}: images are decoded to 64 x 64 (DCGAN-64's size) ... */
  public static final int FOLDER_IMAGE_SIZE = 64;
  /** ... in colour. */
  public static final int FOLDER_CHANNELS = 3;

  private Defaults() {}

  /**
   * Per-dataset training defaults; {@code lr}, {@code gpWeight} null mean "the objective's paper value".
   */
  public record Training(int width, int depth, int batchSize, int zDim, Float learningRate, boolean linearDecay,
      Float gpWeight, String prior, String pixelRange) {}

  /**
   * Defaults for training {@code objective} on {@code dataset} with {@code model}. Images are in
   * [-1, 1] for tanh generators, except the GAN paper's network (gan-mlp), which has a sigmoid
   * output, [0, 1] pixels and uniform noise (U(-1, 1) by default; the paper's is U(-sqrt 3, sqrt 3),
   * {@code --prior uniform-unit-variance}).
   */
  public static Training training(String dataset, String objective, String model) {
    if (NamedDatasets.isToy(dataset)) {
      ObjectiveOptions toy = Objectives.type(objective).toyDefaults();
      return new Training(128, 3, 256, 2, toy.learningRate(), toy.linearDecay(), toy.gradientPenaltyWeight(), "normal",
          "signed");
    }
    if (NamedDatasets.isDiscrete(dataset)) {
      // Logits out, probabilities in [0, 1] for pictures and export.
      return new Training(512, 3, 64, 100, null, false, null, "normal", "unit");
    }
    boolean paper = model.equals("gan-mlp");
    // DCGAN-32/64 read the width as their base channel count; the paper's is 64.
    int width = Dcgan.NAMES.contains(model) ? Dcgan.BASE : 512;
    return new Training(width, 3, paper ? 100 : 64, 100, null, false, null, paper ? "uniform" : "normal",
        paper ? "unit" : "signed");
  }
}
