package org.jgan.eval;

import java.util.List;
import java.util.SplittableRandom;
import org.jgan.data.Seeds;
import org.jgan.graphs.GraphContext;
import org.jgan.graphs.Layer;
import org.jgan.graphs.Network;
import org.jgan.graphs.Sessions;
import org.jgan.graphs.Tensors;
import org.jgan.graphs.optim.Adam;
import org.jgan.losses.Wgan;
import org.jgan.losses.WganGp;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * An independent Wasserstein critic (as in the alpha-GAN paper's evaluation): a fresh critic is
 * trained with WGAN-GP to separate held-out real data from one set of samples, then
 * E[C(real test)] - E[C(second sample set)] estimates the Wasserstein-1 distance on data neither
 * set was trained on. Larger means the samples are further from the data.
 */
public final class IndependentCritic {
  /** Training settings; {@link #DEFAULTS} follow WGAN-GP (lambda 10, Adam(1e-4, 0.5, 0.9)). */
  public record Settings(int steps, int batchSize, float lambda, float learningRate, long seed, int threads) {
    public Settings {
      if (steps < 1 || batchSize < 1 || threads < 1) {
        throw new IllegalArgumentException("critic steps, batch size and threads must be positive");
      }
    }

    /** These settings trained for {@code newSteps} from {@code newSeed} on {@code newThreads} intra-op threads. */
    public Settings with(int newSteps, long newSeed, int newThreads) {
      return new Settings(newSteps, batchSize, lambda, learningRate, newSeed, newThreads);
    }
  }

  /** Training steps of {@link #DEFAULTS}: {@code jgan eval}'s critic length. */
  public static final int DEFAULT_STEPS = 2000;
  /**
   * Intra-op threads of {@link #DEFAULTS}: a fixed count rather than one per processor, because the
   * critic's estimate moves with it, and an evaluation should give the same numbers on every machine.
   */
  public static final int DEFAULT_THREADS = 2;
  /** {@link #DEFAULT_STEPS} steps of 64, seed 1, {@link #DEFAULT_THREADS} intra-op threads. */
  public static final Settings DEFAULTS = new Settings(DEFAULT_STEPS, 64, 10f, 1e-4f, 1, DEFAULT_THREADS);

  /**
   * @param estimate E[C(real test)] - E[C(samples 2)]
   * @param trainingEstimate the same on the data the critic was trained on
   */
  public record Estimate(double estimate, double trainingEstimate, int steps, int batchSize, float lambda, long seed,
      int realTestCount, int sampleCount) {}

  private IndependentCritic() {}

  /**
   * Trains a critic with {@code layers} on {@code realTrain} vs {@code samples1} and scores
   * {@code realTest} vs {@code samples2}. All arrays are row-major [count, exampleShape...].
   */
  public static Estimate estimate(List<Layer> layers, int[] exampleShape, float[] realTrain, float[] samples1,
      float[] realTest, float[] samples2, Settings settings) {
    int size = 1;
    for (int d : exampleShape) {
      size *= d;
    }
    long[] batchShape = new long[exampleShape.length + 1];
    batchShape[0] = settings.batchSize();
    long[] anyShape = batchShape.clone();
    anyShape[0] = -1;
    for (int i = 0; i < exampleShape.length; i++) {
      batchShape[i + 1] = exampleShape[i];
      anyShape[i + 1] = exampleShape[i];
    }
    try (Graph graph = new Graph()) {
      GraphContext ctx = new GraphContext(graph, settings.seed());
      Ops tf = ctx.tf();
      Placeholder<TFloat32> real = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(batchShape)));
      Placeholder<TFloat32> fake = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(batchShape)));
      Placeholder<TFloat32> any = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(anyShape)));
      Network critic = new Network("independent_critic", ctx, layers);
      Operand<TFloat32> realScores = critic.apply(real);
      Operand<TFloat32> fakeScores = critic.apply(fake);
      Operand<TFloat32> alpha = ctx.uniform(tf.constant(new int[] {settings.batchSize()}));
      Operand<TFloat32> penalty = WganGp.gradientPenalty(ctx, critic::apply, WganGp.interpolate(tf, real, fake, alpha));
      Operand<TFloat32> loss = tf.math.add(Wgan.criticLoss(tf, realScores, fakeScores),
          tf.math.mul(tf.constant(settings.lambda()), penalty));
      Op step = new Adam(settings.learningRate(), 0.5f, 0.9f).minimize(ctx, "critic_adam", loss,
          critic.trainableVariables());
      Operand<TFloat32> scores = critic.apply(any);
      try (Session session = Sessions.open(graph, settings.threads())) {
        SplittableRandom random = new SplittableRandom(Seeds.derive(settings.seed(), "independent-critic"));
        float[] realBatch = new float[settings.batchSize() * size];
        float[] fakeBatch = new float[settings.batchSize() * size];
        for (int s = 0; s < settings.steps(); s++) {
          pick(realTrain, size, random, realBatch);
          pick(samples1, size, random, fakeBatch);
          try (TFloat32 r = Tensors.floats(realBatch, batchShape);
              TFloat32 f = Tensors.floats(fakeBatch, batchShape);
              org.tensorflow.types.TInt64 runSeed = ctx.runSeedTensor(s)) {
            session.runner().feed(real, r).feed(fake, f).feed(ctx.runSeedInput(), runSeed).addTarget(step).run().close();
          }
        }
        double estimate = meanScore(session, any, scores, realTest, size, anyShape)
            - meanScore(session, any, scores, samples2, size, anyShape);
        double training = meanScore(session, any, scores, realTrain, size, anyShape)
            - meanScore(session, any, scores, samples1, size, anyShape);
        return new Estimate(estimate, training, settings.steps(), settings.batchSize(), settings.lambda(),
            settings.seed(), realTest.length / size, samples2.length / size);
      }
    }
  }

  private static void pick(float[] data, int size, SplittableRandom random, float[] batch) {
    int count = data.length / size;
    for (int i = 0; i < batch.length / size; i++) {
      System.arraycopy(data, random.nextInt(count) * size, batch, i * size, size);
    }
  }

  private static double meanScore(Session session, Placeholder<TFloat32> input, Operand<TFloat32> scores,
      float[] data, int size, long[] anyShape) {
    int count = data.length / size;
    double sum = 0;
    int chunk = 500;
    for (int start = 0; start < count; start += chunk) {
      int n = Math.min(chunk, count - start);
      long[] shape = anyShape.clone();
      shape[0] = n;
      float[] part = java.util.Arrays.copyOfRange(data, start * size, (start + n) * size);
      try (TFloat32 x = Tensors.floats(part, shape); org.tensorflow.Result r = session.runner().feed(input, x).fetch(scores).run()) {
        for (float v : Tensors.toFloats(r.get(0))) {
          sum += v;
        }
      }
    }
    return sum / count;
  }
}
