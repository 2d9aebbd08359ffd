package org.jgan.tools.bench;

import java.util.concurrent.Callable;
import org.jgan.data.BatchSource;
import org.jgan.graphs.Sessions;
import org.jgan.graphs.Tensors;
import org.jgan.training.Trainer;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code jgan bench step}: the reference DCGAN-28 step through jgan's trainer against the same
 * step as a plain TensorFlow graph ({@link PlainDcganStep}), timed alternately in one process, and
 * against its FLOP-count limit: the step's multiply-adds (counted over the ops its updates need) at
 * the matrix-product rate this machine reaches in the same run.
 */
@Command(name = "step", mixinStandardHelpOptions = true,
    description = "DCGAN-28 step: jgan / plain-TensorFlow overhead and the FLOP-count limit (medians, one run).")
public final class BenchStep implements Callable<Integer> {
  /** The side of the square matrices whose product measures the machine's rate. */
  private static final int MATMUL_SIDE = 1024;

  @Mixin
  BenchOptions options = new BenchOptions(64, 60, 10);

  @Option(names = "--objective", defaultValue = "wgan-gp", description = "wgan-gp | gan (default: ${DEFAULT-VALUE})")
  String objective;

  @Override
  public Integer call() throws Exception {
    options.check();
    if (!ReferenceStep.PLAIN_OBJECTIVES.contains(objective)) {
      throw new IllegalArgumentException("--objective: the step line compares wgan-gp or gan, got '" + objective + "'");
    }
    ReferenceStep.requireFits(objective, options.batch);
    float[] batch = new float[options.batch * 28 * 28];
    ReferenceStep.syntheticImages(options.batch, ReferenceStep.IMAGE_SHAPE).fill(0, batch);
    // Both steps read this one batch: drawing a new one each step would time the bench's own noise, not jgan.
    BatchSource data = sameBatch(batch, options.batch);
    double[] medians;
    long multiplyAdds;
    try (Trainer trainer = new Trainer(ReferenceStep.model(objective, options.batch), data, options.settings());
        PlainDcganStep plain = new PlainDcganStep(objective, options.batch, options.settings());
        MatmulRate matmul = new MatmulRate(MATMUL_SIDE, options);
        TFloat32 realBatch = Tensors.floats(batch, options.batch, 28, 28, 1)) {
      // The three interleave, so that a load on a shared machine falls on all of them alike.
      // No scalar fetched, as the plain step fetches none and a training run fetches them only on logging steps.
      medians = BenchTiming.interleavedMedians(options.warmup, options.steps, () -> trainer.iterate(false),
          () -> plain.step(realBatch), matmul::run);
      multiplyAdds = plain.multiplyAdds();
    }
    double gflops = 2.0 * MATMUL_SIDE * MATMUL_SIDE * MATMUL_SIDE / (medians[2] / 1e3) / 1e9;
    double limitMillis = 2.0 * multiplyAdds / (gflops * 1e9) * 1e3;
    var out = options.out();
    out.printf("# step: dcgan28 %s, %s; plain = the same step as a plain TensorFlow graph%n", objective,
        options.describe());
    out.printf("jgan_ms_per_step %.2f%n", medians[0]);
    out.printf("plain_ms_per_step %.2f%n", medians[1]);
    out.printf("overhead_jgan_over_plain %.3f%n", medians[0] / medians[1]);
    out.printf("multiply_adds_per_step %d%n", multiplyAdds);
    out.printf("matmul_gflops %.1f%n", gflops);
    out.printf("flop_limit_ms_per_step %.2f%n", limitMillis);
    out.printf("jgan_over_flop_limit %.2f%n", medians[0] / limitMillis);
    out.flush();
    return 0;
  }

  /** A source whose every batch is {@code values} ({@code batch} 28 x 28 x 1 images). */
  private static BatchSource sameBatch(float[] values, int batch) {
    return BatchSource.of(batch, ReferenceStep.IMAGE_SHAPE,
        (index, destination) -> System.arraycopy(values, 0, destination, 0, values.length));
  }

  /** One product of two square matrices, whose time gives the machine's GFLOP/s under the same session settings. */
  private static final class MatmulRate implements AutoCloseable {
    private final Graph graph = new Graph();
    private final Session session;
    private final Operand<TFloat32> product;

    MatmulRate(int side, BenchOptions options) {
      Ops tf = Ops.create(graph);
      Variable<TFloat32> a = tf.variable(tf.random.randomUniform(tf.constant(new long[] {side, side}), TFloat32.class));
      Variable<TFloat32> b = tf.variable(tf.random.randomUniform(tf.constant(new long[] {side, side}), TFloat32.class));
      // Summed to a scalar so that fetching the result costs nothing next to the product.
      product = tf.reduceSum(tf.linalg.matMul(a, b), tf.constant(new int[] {0, 1}));
      session = Sessions.open(graph, options.settings());
    }

    void run() {
      session.runner().fetch(product).run().close();
    }

    @Override
    public void close() {
      session.close();
      graph.close();
    }
  }
}
