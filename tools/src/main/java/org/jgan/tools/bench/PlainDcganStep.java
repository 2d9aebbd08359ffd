package org.jgan.tools.bench;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jgan.graphs.SessionSettings;
import org.jgan.graphs.Sessions;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.nn.LeakyRelu;
import org.tensorflow.types.TFloat32;

/**
 * The reference DCGAN-28 step written as a plain TensorFlow graph, with no jgan layer, network,
 * objective or optimiser class: the baseline {@code jgan bench step} divides jgan's step by. Same
 * networks (dense, two stride-2 transposed convolutions; two stride-2 convolutions, dense), same
 * losses (GAN minimax or WGAN-GP with lambda 10), Adam(1e-4, 0.5, 0.9), one critic and one
 * generator update per step, each its own session run as jgan's trainer does. Only the session
 * comes from jgan ({@link Sessions}), so both graphs run under the same thread settings.
 */
final class PlainDcganStep implements AutoCloseable {
  private static final long[] STRIDE_2 = {1, 2, 2, 1};
  private static final Set<String> COUNTED = Set.of("MatMul", "Conv2D", "Conv2DBackpropInput", "Conv2DBackpropFilter");

  private final int batch;
  private final Graph graph = new Graph();
  private final Ops tf = Ops.create(graph);
  private final Placeholder<TFloat32> real;
  private final List<Variable<TFloat32>> generatorVars = new ArrayList<>();
  private final List<Variable<TFloat32>> criticVars = new ArrayList<>();
  private final Op criticUpdate;
  private final Op generatorUpdate;
  private final Session session;
  private int seedCounter;

  PlainDcganStep(String objective, int batch, SessionSettings settings) {
    if (!ReferenceStep.PLAIN_OBJECTIVES.contains(objective)) {
      throw new IllegalArgumentException("--objective: the plain-graph baseline exists for "
          + String.join(" and ", ReferenceStep.PLAIN_OBJECTIVES) + ", not " + objective);
    }
    this.batch = batch;
    real = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(batch, 28, 28, 1)));
    Operand<TFloat32> z = tf.random.randomStandardNormal(tf.constant(new long[] {batch, ReferenceStep.Z_DIM}),
        TFloat32.class, org.tensorflow.op.random.RandomStandardNormal.seed(1L));
    Operand<TFloat32> fake = generator(z);
    Operand<TFloat32> realScores = critic(real);
    Operand<TFloat32> fakeScores = critic(fake);
    Operand<TFloat32> criticLoss;
    Operand<TFloat32> generatorLoss;
    if (objective.equals("gan")) {
      // D maximises log D(x) + log(1 - D(G(z))); G minimises log(1 - D(G(z))), on logits.
      criticLoss = tf.math.add(mean(tf.math.softplus(tf.math.neg(realScores))), mean(tf.math.softplus(fakeScores)));
      generatorLoss = tf.math.neg(mean(tf.math.softplus(fakeScores)));
    } else {
      Operand<TFloat32> alpha = tf.random.randomUniform(tf.constant(new long[] {batch, 1, 1, 1}), TFloat32.class,
          org.tensorflow.op.random.RandomUniform.seed(2L));
      Operand<TFloat32> mixed = tf.math.add(real, tf.math.mul(alpha, tf.math.sub(fake, real)));
      Operand<TFloat32> mixedScores = critic(mixed);
      Output<?> slope = graph.addGradients("plain_gp", new Output<?>[] {mixedScores.asOutput()},
          new Output<?>[] {mixed.asOutput()}, new Output<?>[] {ones(batch, 1).asOutput()})[0];
      @SuppressWarnings("unchecked")
      Operand<TFloat32> gradient = (Operand<TFloat32>) slope;
      Operand<TFloat32> norm = tf.math.pow(tf.math.add(tf.reduceSum(tf.math.square(gradient),
          tf.constant(new int[] {1, 2, 3})), tf.constant(1e-12f)), tf.constant(0.5f));
      Operand<TFloat32> penalty = mean(tf.math.square(tf.math.sub(norm, tf.constant(1f))));
      criticLoss = tf.math.add(tf.math.sub(mean(fakeScores), mean(realScores)),
          tf.math.mul(tf.constant(ReferenceStep.GP_WEIGHT), penalty));
      generatorLoss = tf.math.neg(mean(fakeScores));
    }
    criticUpdate = adam("plain_critic", criticLoss, criticVars);
    generatorUpdate = adam("plain_generator", generatorLoss, generatorVars);
    session = Sessions.open(graph, settings);
  }

  /** One step: the critic's update, then the generator's, each its own session run. */
  void step(TFloat32 realBatch) {
    session.runner().feed(real, realBatch).addTarget(criticUpdate).run().close();
    session.runner().addTarget(generatorUpdate).run().close();
  }

  /**
   * The multiply-adds of one step: every matrix product and convolution (forward and gradient)
   * that each phase's update depends on, counted from the graph's static shapes. An op that no
   * update needs (the gradient of the images, say) is not run by TensorFlow and not counted.
   */
  long multiplyAdds() {
    return multiplyAdds(criticUpdate) + multiplyAdds(generatorUpdate);
  }

  private static long multiplyAdds(Op target) {
    Set<GraphOperation> needed = new HashSet<>();
    ArrayDeque<GraphOperation> todo = new ArrayDeque<>(List.of((GraphOperation) target.op()));
    while (!todo.isEmpty()) {
      GraphOperation op = todo.pop();
      if (needed.add(op)) {
        op.inputs().forEach(input -> todo.push((GraphOperation) input.op()));
        todo.addAll(op.controlInputs());
      }
    }
    return needed.stream().filter(op -> COUNTED.contains(op.type())).mapToLong(PlainDcganStep::multiplyAdds).sum();
  }

  private static long multiplyAdds(GraphOperation op) {
    if (op.type().equals("MatMul")) {
      Shape out = op.output(0).shape();
      return op.input(0).shape().size() * out.size(1);
    }
    // Conv2D(input, filter), Conv2DBackpropInput(sizes, filter, dy), Conv2DBackpropFilter(x, sizes, dy): each
    // product pairs every element of the output-side tensor with kernel height x width x input channels.
    Shape filter = op.type().equals("Conv2DBackpropFilter") ? op.output(0).shape() : op.input(1).shape();
    Shape outputSide = op.type().equals("Conv2D") ? op.output(0).shape() : op.input(2).shape();
    long perOutput = filter.size(0) * filter.size(1) * filter.size(2);
    if (outputSide.hasUnknownDimension() || filter.hasUnknownDimension()) {
      throw new IllegalStateException(op.name() + " has an unknown static shape");
    }
    return outputSide.size() * perOutput;
  }

  int batch() {
    return batch;
  }

  private Operand<TFloat32> generator(Operand<TFloat32> z) {
    boolean create = generatorVars.isEmpty();
    Operand<TFloat32> h = tf.math.add(tf.linalg.matMul(z, var(generatorVars, 0, create, ReferenceStep.Z_DIM, 7 * 7 * 64)),
        var(generatorVars, 1, create, 7 * 7 * 64));
    h = tf.reshape(tf.nn.relu(h), tf.constant(new long[] {batch, 7, 7, 64}));
    h = tf.nn.biasAdd(tf.nn.conv2dBackpropInput(tf.constant(new int[] {batch, 14, 14, 32}),
        var(generatorVars, 2, create, 4, 4, 32, 64), h, longs(STRIDE_2), "SAME"), var(generatorVars, 3, create, 32));
    h = tf.nn.biasAdd(tf.nn.conv2dBackpropInput(tf.constant(new int[] {batch, 28, 28, 1}),
        var(generatorVars, 4, create, 4, 4, 1, 32), tf.nn.relu(h), longs(STRIDE_2), "SAME"), var(generatorVars, 5, create, 1));
    return tf.math.tanh(h);
  }

  private Operand<TFloat32> critic(Operand<TFloat32> x) {
    boolean create = criticVars.isEmpty();
    Operand<TFloat32> h = tf.nn.biasAdd(tf.nn.conv2d(x, var(criticVars, 0, create, 4, 4, 1, 32), longs(STRIDE_2), "SAME"),
        var(criticVars, 1, create, 32));
    h = tf.nn.leakyRelu(h, LeakyRelu.alpha(0.2f));
    h = tf.nn.biasAdd(tf.nn.conv2d(h, var(criticVars, 2, create, 4, 4, 32, 64), longs(STRIDE_2), "SAME"),
        var(criticVars, 3, create, 64));
    h = tf.reshape(tf.nn.leakyRelu(h, LeakyRelu.alpha(0.2f)), tf.constant(new long[] {-1, 7 * 7 * 64}));
    return tf.math.add(tf.linalg.matMul(h, var(criticVars, 4, create, 7 * 7 * 64, 1)), var(criticVars, 5, create, 1));
  }

  /** The {@code index}-th variable of a network, created (small uniform values) on the network's first use. */
  private Variable<TFloat32> var(List<Variable<TFloat32>> vars, int index, boolean create, long... shape) {
    if (create) {
      vars.add(tf.variable(tf.math.mul(tf.random.randomUniform(tf.constant(shape), TFloat32.class,
          org.tensorflow.op.random.RandomUniform.seed(100L + ++seedCounter)), tf.constant(0.05f))));
    }
    return vars.get(index);
  }

  /** Adam on {@code vars}; the beta powers advance only after every variable's update. */
  private Op adam(String name, Operand<TFloat32> loss, List<Variable<TFloat32>> vars) {
    Output<?>[] xs = vars.stream().map(Variable::asOutput).toArray(Output<?>[]::new);
    Output<?>[] grads = graph.addGradients(name, new Output<?>[] {loss.asOutput()}, xs,
        new Output<?>[] {tf.constant(1f).asOutput()});
    Variable<TFloat32> beta1Power = tf.variable(tf.constant(ReferenceStep.BETA1));
    Variable<TFloat32> beta2Power = tf.variable(tf.constant(ReferenceStep.BETA2));
    List<Op> updates = new ArrayList<>();
    for (int i = 0; i < vars.size(); i++) {
      Variable<TFloat32> v = vars.get(i);
      @SuppressWarnings("unchecked")
      Operand<TFloat32> grad = (Operand<TFloat32>) grads[i];
      Variable<TFloat32> m = tf.variable(tf.zerosLike(v));
      Variable<TFloat32> s = tf.variable(tf.zerosLike(v));
      updates.add(tf.train.applyAdam(v, m, s, beta1Power, beta2Power, tf.constant(ReferenceStep.LEARNING_RATE),
          tf.constant(ReferenceStep.BETA1), tf.constant(ReferenceStep.BETA2), tf.constant(1e-8f), grad));
    }
    Ops after = tf.withControlDependencies(updates);
    return tf.withControlDependencies(List.of(
        after.assign(beta1Power, after.math.mul(beta1Power, after.constant(ReferenceStep.BETA1))),
        after.assign(beta2Power, after.math.mul(beta2Power, after.constant(ReferenceStep.BETA2))))).noOp();
  }

  /** A constant of ones: the seed of a gradient that is differentiated again (OnesLike has no gradient). */
  private Operand<TFloat32> ones(long... shape) {
    return tf.fill(tf.constant(shape), tf.constant(1f));
  }

  private Operand<TFloat32> mean(Operand<TFloat32> x) {
    return tf.math.mean(tf.reshape(x, tf.constant(new long[] {-1})), tf.constant(0));
  }

  private static List<Long> longs(long[] values) {
    return java.util.Arrays.stream(values).boxed().toList();
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
