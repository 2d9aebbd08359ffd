package org.jgan.eval.metric;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.jgan.data.Dataset;
import org.jgan.data.Seeds;
import org.jgan.data.ToyDistribution;
import org.jgan.eval.IndependentCritic;
import org.jgan.graphs.Layer;
import org.jgan.graphs.models.Dcgan;
import org.jgan.graphs.models.Dcgan28;
import org.jgan.graphs.models.Mlp;

/**
 * {@code critic}: a fresh WGAN-GP critic trained on held-out real data against half the samples;
 * its Wasserstein estimate against the other half.
 *
 * <p>Sign: the critic C is trained to score real data above samples, and the estimate is
 * E[C(real test)] - E[C(samples)], a distance: about 0 for samples distributed like the data,
 * positive and growing as they move away (a translation by a vector s gives about ||s||), so lower
 * is better. A table reporting the critic's loss instead (its negative) has the opposite sign and
 * direction; {@link #SIGN_CONVENTION} is written into every result's protocol so no table leaves it
 * implicit.
 */
public final class CriticMetric implements Metric {
  /** The metric's name. */
  public static final String NAME = "critic";
  /** How the estimate's sign reads, in every result's protocol. */
  public static final String SIGN_CONVENTION = "a distance: about 0 when the samples are distributed like the data,"
      + " positive and larger the further they are, so lower is better (the critic's loss, as some papers report it,"
      + " is minus this)";
  /** Real points drawn for each of the critic's two sets on a 2-D dataset. */
  private static final int TOY_REAL_POINTS = 10_000;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<DataKind> dataKinds() {
    return Set.of(DataKind.MIXTURE, DataKind.POINTS, DataKind.IMAGES);
  }

  @Override
  public List<Headline> headlines() {
    return List.of(Headline.lowerIsBetter("estimate"));
  }

  @Override
  public Map<String, Object> evaluate(EvaluationContext context) throws IOException {
    Samples samples = context.samples();
    long seed = context.settings().seed();
    int half = samples.count() / 2;
    int size = samples.values().length / samples.count();
    float[] first = Arrays.copyOf(samples.values(), half * size);
    float[] second = Arrays.copyOfRange(samples.values(), half * size, 2 * half * size);
    float[] realTrain;
    float[] realTest;
    List<Layer> layers;
    String realNames;
    if (samples.kind() == DataKind.IMAGES) {
      Dataset validation = context.validation();
      Dataset test = context.test();
      realTrain = validation.values();
      realTest = test.values();
      layers = criticLayers(samples.exampleShape());
      realNames = validation.name() + " (training) and " + test.name() + " (estimate)";
    } else {
      ToyDistribution d = ToyDistribution.byId(samples.dataset());
      realTrain = d.sample(new SplittableRandom(Seeds.derive(seed, "critic-train")), TOY_REAL_POINTS);
      realTest = d.sample(new SplittableRandom(Seeds.derive(seed, "critic-test")), TOY_REAL_POINTS);
      layers = new Mlp(128, 3).discriminator(samples.exampleShape());
      realNames = "fresh draws of " + samples.dataset();
    }
    IndependentCritic.Settings settings = IndependentCritic.DEFAULTS.with(context.settings().criticSteps(), seed,
        context.settings().threads());
    IndependentCritic.Estimate e = IndependentCritic.estimate(layers, samples.exampleShape(), realTrain, first,
        realTest, second, settings);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("summary", String.format("%.4f (on its training data: %.4f)", e.estimate(), e.trainingEstimate()));
    r.put("estimate", e.estimate());
    r.put("training_estimate", e.trainingEstimate());
    r.put("protocol", "fresh WGAN-GP critic (lambda " + e.lambda() + ", Adam(1e-4, 0.5, 0.9), " + e.steps()
        + " steps of " + e.batchSize() + ") trained on real " + realNames + " vs the first " + half
        + " samples; estimate E[C(real test)] - E[C(other " + half + " samples)], " + SIGN_CONVENTION);
    return r;
  }

  /**
   * The independent critic's network: DCGAN-28's discriminator for 28x28 images, DCGAN-32's or
   * DCGAN-64's without batch norm (the penalty is per example) for 32 and 64 pixels.
   */
  static List<Layer> criticLayers(int[] shape) {
    if (shape.length == 3 && shape[0] == shape[1] && (shape[0] == 32 || shape[0] == 64)) {
      return new Dcgan(shape[0], false, Dcgan.BASE).discriminator(shape);
    }
    return new Dcgan28().discriminator(shape);
  }
}
