package org.jgan.examples;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jgan.data.ToyDistribution;
import org.jgan.eval.ToyMetrics;
import org.jgan.graphs.CheckpointStore;
import org.jgan.graphs.SavedModels;
import org.jgan.graphs.Sessions;
import org.jgan.graphs.layers.Activation;
import org.jgan.graphs.layers.Dense;
import org.jgan.graphs.models.Architecture;
import org.jgan.graphs.Layer;
import org.jgan.losses.NoisePrior;
import org.jgan.losses.WganGp;
import org.jgan.graphs.optim.Adam;
import org.jgan.training.GeneratorGraph;
import org.jgan.training.ModelSpec;
import org.jgan.training.Trainer;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.Signature;

/**
 * jgan as a library: networks from layers, an objective, the stock trainer, samples, a metric and
 * a SavedModel export, in one short program.
 *
 * <p>Run: {@code java -cp ... org.jgan.examples.LibraryExample [iterations] [model dir]}.
 */
public final class LibraryExample {
  private LibraryExample() {}

  /** A ReLU MLP family (three hidden layers) written directly from layers (the stock {@code Mlp} does the same). */
  static Architecture smallMlp(int width) {
    return new Architecture() {
      @Override
      public String name() {
        return "example-mlp";
      }

      @Override
      public List<Layer> generator(int zDim, int[] exampleShape, Activation output) {
        return List.of(new Dense(width), Activation.relu(), new Dense(width), Activation.relu(),
            new Dense(width), Activation.relu(), new Dense(Architecture.size(exampleShape)), output);
      }

      @Override
      public List<Layer> discriminator(int[] exampleShape) {
        return List.of(new Dense(width), Activation.relu(), new Dense(width), Activation.relu(),
            new Dense(width), Activation.relu(), new Dense(1));
      }
    };
  }

  /** Trains WGAN-GP on 8 Gaussians and returns its mode-coverage scores; exports the generator if asked. */
  public static ToyMetrics.Scores run(int iterations, Path exportDir) throws Exception {
    // The objective with the reference toy script's settings: lambda 0.1, n_critic 5, decaying Adam.
    WganGp objective = new WganGp(0.1f, 5, new Adam(1e-3f, 0.5f, 0.9f).withLinearDecay(),
        new Adam(1e-3f, 0.5f, 0.9f).withLinearDecay());
    ModelSpec spec = new ModelSpec(objective, smallMlp(128), new int[] {2}, Activation.identity(),
        NoisePrior.normal(2), 256, /* seed */ 7);
    try (Trainer trainer = new Trainer(spec, ToyDistribution.EIGHT_GAUSSIANS.batches(256, 7), 2)) {
      trainer.trainUntil(iterations, List.of((t, metrics) -> {
        if (t.state().iteration() % 100 == 0) {
          System.out.printf("iteration %d  %s%n", t.state().iteration(), metrics);
        }
      }));
      ToyMetrics.Scores scores = ToyMetrics.of(ToyDistribution.EIGHT_GAUSSIANS).score(trainer.sample(2500, 0));
      System.out.printf("modes covered %d of %d, high-quality share %.3f%n", scores.modesCovered(), scores.modes(),
          scores.highQualityShare());
      if (exportDir != null) {
        // Save the training variables, then export a generator-only graph restored from them.
        CheckpointStore store = new CheckpointStore(exportDir.resolveSibling(exportDir.getFileName() + "-checkpoints"), 1);
        CheckpointStore.Checkpoint checkpoint = trainer.save(store);
        try (Graph graph = new Graph()) {
          GeneratorGraph generator = GeneratorGraph.build(graph, spec, /* map tanh to [0, 1] */ false);
          try (Session session = Sessions.open(graph, 2)) {
            CheckpointStore.restore(session, checkpoint);
            SavedModels.export(session, exportDir, SavedModels.predict(Signature.DEFAULT_KEY,
                Map.of("z", generator.z()), Map.of("images", generator.images())));
          }
        }
        System.out.println("exported " + exportDir);
      }
      return scores;
    }
  }

  /** Arguments: [iterations] [model folder to export into]. */
  public static void main(String[] args) throws Exception {
    int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    run(iterations, args.length > 1 ? Path.of(args[1]) : null);
  }
}
