package org.jgan.training;

import java.util.OptionalLong;
import org.jgan.data.NamedDatasets;
import org.jgan.graphs.ProcessorCache;
import org.jgan.graphs.SessionSettings;
import org.jgan.graphs.models.NamedArchitecture;
import org.jgan.losses.DiscreteBgan;
import org.jgan.losses.ObjectiveOptions;
import org.jgan.losses.Objectives;

/**
 * The sizes and settings a run uses, by dataset, objective and architecture, where the run does
 * not set them. Image data uses the papers' sizes (the GAN paper's network: see {@link #of} for
 * its noise); the 2-D toy sets use a small fast model and,
 * for WGAN-GP, the reference toy script's lambda = 0.1 with a larger, linearly decayed learning
 * rate, so a run converges in about a thousand iterations.
 *
 * @param width MLP hidden width (DCGAN-32/64: base channel count)
 * @param depth MLP hidden layers
 * @param batchSize examples per batch
 * @param zDim dimension of z
 * @param learningRate learning rate of every optimiser; null: the objective's paper value
 * @param linearDecay whether learning rates fall linearly to zero over the run
 * @param gpWeight gradient-penalty weight; null: the objective's paper value
 * @param prior the distribution of z ({@code normal}, {@code uniform})
 * @param pixelRange {@code signed} ([-1, 1], tanh generator) or {@code unit} ([0, 1], sigmoid)
 */
public record TrainingDefaults(int width, int depth, int batchSize, int zDim, Float learningRate, boolean linearDecay,
    Float gpWeight, String prior, String pixelRange) {
  /** 2-D toy sets: MLP hidden width. */
  public static final int TOY_WIDTH = 128;
  /** 2-D toy sets: examples per batch. */
  public static final int TOY_BATCH = 256;
  /** 2-D toy sets: z has the data's dimension. */
  public static final int TOY_Z_DIM = 2;
  /**
   * 2-D toy sets with small layers (see {@link #SMALL_PRODUCT} and {@link #SINGLE_THREADED_PRODUCT_L2_SHARE}):
   * TensorFlow intra-op threads. Their ops are too small to split: handing each to a pool of two threads cost
   * more than it saved (docs/performance.md, "Threads: one for small toy models"); the weights trained are the same bits
   * either way.
   */
  public static final int TOY_THREADS = 1;
  /**
   * The most multiply-adds of one hidden layer's product (batch x width x width) for which a toy
   * model gets {@link #TOY_THREADS}: toy8 WGAN-GP at batch 256 ran 1.15x faster on one thread than
   * on two at width 128, 1.07x at width 256 (this bound), and 1.4x slower at width 512 (2 cores of
   * an AMD EPYC).
   */
  public static final long SMALL_PRODUCT = 256L * 256 * 256;
  /**
   * TensorFlow's oneDNN product kernel ({@code _MklMatMul}) runs a product on one thread when its operands
   * and result, 4 x (m n + k (m + n)) bytes, are under this share of one core's L2 cache
   * ({@code ExecuteSingleThreadedGemm}, tensorflow/core/kernels/mkl/mkl_matmul_ops_common.h). A toy model
   * whose hidden products all are gets {@link #TOY_THREADS}: a second thread would only add hand-offs. On an
   * Intel Xeon with a 2 MiB L2 the 512-wide model (2 MiB products at batch 256) ran 1.24x faster on one
   * thread than on two (docs/performance.md, "On another machine the wide model turns around").
   */
  public static final double SINGLE_THREADED_PRODUCT_L2_SHARE = 1.01;
  /** MLP hidden layers, on every dataset. */
  public static final int DEPTH = 3;
  /** Images and discrete data: MLP hidden width. */
  public static final int MLP_WIDTH = 512;
  /** Images and discrete data: DCGAN's batch size. */
  public static final int IMAGE_BATCH = 64;
  /** The GAN paper's network ({@code gan-mlp}): its batch size (mnist.yaml). */
  public static final int GAN_PAPER_BATCH = 100;
  /** Images and discrete data: dimension of z. */
  public static final int IMAGE_Z_DIM = 100;
  /** Discrete BGAN's samples M drawn per z. */
  public static final int SAMPLES_PER_Z = DiscreteBgan.SAMPLES_PER_Z;
  /** Samples a run draws at its end for its picture and, on the 2-D sets, the toy metrics. */
  public static final int SAMPLE_COUNT = org.jgan.eval.metric.EvalSettings.TOY_SAMPLES;
  /** {@code folder} datasets: images are decoded to 64 x 64 (DCGAN-64's size) ... */
  public static final int FOLDER_IMAGE_SIZE = 64;
  /** ... in colour. */
  public static final int FOLDER_CHANNELS = 3;

  /**
   * The defaults for training {@code objective} on {@code dataset} with {@code model}. Images are
   * in [-1, 1] for tanh generators, except the GAN paper's network ({@code gan-mlp}), which has a
   * sigmoid output, [0, 1] pixels and U[-1, 1] noise ({@code uniform}). The paper's own noise is
   * U(-sqrt 3, sqrt 3), {@code uniform-unit-variance}, which experiments/gan-parzen-mnist.yaml sets;
   * the default stayed U[-1, 1] when that prior was added.
   */
  public static TrainingDefaults of(String objective, String dataset, String model) {
    if (NamedDatasets.isToy(dataset)) {
      ObjectiveOptions toy = toyOptions(objective);
      return new TrainingDefaults(TOY_WIDTH, DEPTH, TOY_BATCH, TOY_Z_DIM, toy.learningRate(), toy.linearDecay(),
          toy.gradientPenaltyWeight(), "normal", "signed");
    }
    if (NamedDatasets.isDiscrete(dataset)) {
      // Logits out, probabilities in [0, 1] for pictures and export.
      return new TrainingDefaults(MLP_WIDTH, DEPTH, IMAGE_BATCH, IMAGE_Z_DIM, null, false, null, "normal", "unit");
    }
    NamedArchitecture architecture = NamedArchitecture.named(model);
    boolean paper = architecture.paperRecipe();
    // DCGAN-32/64 read the width as their base channel count; the paper's is 64.
    int width = architecture.defaultWidth();
    return new TrainingDefaults(width, DEPTH, paper ? GAN_PAPER_BATCH : IMAGE_BATCH, IMAGE_Z_DIM, null, false, null,
        paper ? "uniform" : "normal", paper ? "unit" : "signed");
  }

  /**
   * TensorFlow intra-op threads for a run on {@code dataset} at {@code batchSize} whose widest
   * hidden layer has {@code widest} units, one of {@code jobs} runs at once on this machine:
   * {@link #TOY_THREADS} for a toy model whose products are small ({@link #SMALL_PRODUCT}) or fit this
   * machine's L2 cache ({@link #SINGLE_THREADED_PRODUCT_L2_SHARE}), else the machine's processors divided
   * among the jobs ({@link SessionSettings#threadsPerJob}).
   *
   * @throws IllegalArgumentException when {@code jobs} is below 1
   */
  public static int threads(String dataset, int batchSize, int widest, int jobs) {
    return threads(dataset, batchSize, widest, jobs, ProcessorCache.l2Bytes());
  }

  /** {@link #threads(String, int, int, int)} on a machine whose per-core L2 holds {@code l2Bytes} (empty: unknown). */
  public static int threads(String dataset, int batchSize, int widest, int jobs, OptionalLong l2Bytes) {
    int share = SessionSettings.threadsPerJob(jobs);
    if (!NamedDatasets.isToy(dataset)) {
      return share;
    }
    boolean fewMultiplyAdds = (long) batchSize * widest * widest <= SMALL_PRODUCT;
    boolean productsFitL2 = l2Bytes.isPresent()
        && hiddenProductBytes(batchSize, widest) < SINGLE_THREADED_PRODUCT_L2_SHARE * l2Bytes.getAsLong();
    return fewMultiplyAdds || productsFitL2 ? Math.min(TOY_THREADS, share) : share;
  }

  /**
   * Bytes of a hidden layer's float product as TensorFlow counts them, 4 x (m n + k (m + n)): the forward
   * product (batch x width by width x width) and both of its gradients' come to 4 x (2 batch width + width^2).
   */
  static long hiddenProductBytes(int batchSize, int width) {
    return 4L * (2L * batchSize * width + (long) width * width);
  }

  /**
   * The objective's settings on the 2-D toy sets, over its paper's: each objective's type carries
   * its own ({@link org.jgan.losses.ObjectiveType#toyDefaults()}).
   */
  public static ObjectiveOptions toyOptions(String objective) {
    return Objectives.type(objective).toyDefaults();
  }
}
