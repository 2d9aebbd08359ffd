package org.jgan.tools.cli;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.jgan.data.NamedDatasets;
import org.jgan.data.PixelRange;
import org.jgan.data.TextSequences;
import org.jgan.graphs.layers.Activation;
import org.jgan.graphs.models.Mlp;
import org.jgan.losses.DiscreteBgan;
import org.jgan.losses.FDivergence;
import org.jgan.losses.NoisePrior;
import org.jgan.losses.ObjectiveOptions;
import org.jgan.losses.Objectives;
import org.jgan.training.ModelSpec;
import org.jgan.training.Trainer;
import org.junit.jupiter.api.Test;

/**
 * Character-level discrete BGAN on the fortunes corpus: the generator's expected character
 * (unigram) distribution moves toward the corpus's, measured by Jensen-Shannon divergence before
 * and after a short fixed-seed run.
 */
class CharBganLearningTest {
  private static double[] unigrams(float[] probabilities) {
    double[] p = new double[TextSequences.VOCABULARY];
    for (int i = 0; i < probabilities.length; i++) {
      p[i % TextSequences.VOCABULARY] += probabilities[i];
    }
    return normalise(p);
  }

  private static double[] normalise(double[] p) {
    double sum = 0;
    for (double v : p) {
      sum += v;
    }
    for (int i = 0; i < p.length; i++) {
      p[i] /= sum;
    }
    return p;
  }

  /** JS divergence in nats, written out here independently of the library's n-gram metric. */
  private static double js(double[] p, double[] q) {
    double d = 0;
    for (int i = 0; i < p.length; i++) {
      double m = (p[i] + q[i]) / 2;
      if (p[i] > 0) {
        d += 0.5 * p[i] * Math.log(p[i] / m);
      }
      if (q[i] > 0) {
        d += 0.5 * q[i] * Math.log(q[i] / m);
      }
    }
    return d;
  }

  @Test
  void unigramDivergenceToTheCorpusFalls() throws Exception {
    String data = System.getenv("JGAN_DATA");
    assertNotNull(data, "JGAN_DATA must name the datasets folder");
    var corpus = TextSequences.trainingSplit(Path.of(data).resolve("text").resolve("fortunes.txt"));
    double[] target = unigrams(corpus.values());
    ModelSpec spec = new ModelSpec(
        Objectives.discrete("bgan-discrete", new ObjectiveOptions(null, 1e-3f, false, null, null),
            DiscreteBgan.Kind.MULTINOMIAL, FDivergence.GAN, 8),
        new Mlp(64, 2), new int[] {TextSequences.LENGTH, TextSequences.VOCABULARY}, Activation.identity(),
        NoisePrior.normal(16), 32, 11);
    try (Trainer trainer = new Trainer(spec,
        NamedDatasets.trainingBatches("text", Path.of(data), 32, 11, PixelRange.ZERO_ONE), 2)) {
      double before = js(unigrams(trainer.sample(256, 0)), target);
      for (int i = 0; i < 150; i++) {
        trainer.iterate();
      }
      double after = js(unigrams(trainer.sample(256, 0)), target);
      assertTrue(after < 0.5 * before, "unigram JS to the corpus: " + before + " -> " + after);
    }
  }
}
