package org.jgan.tools;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.jgan.data.NamedDatasets;
import org.jgan.graphs.Tensors;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * Generator outputs drawn by the {@code generate} head (z keyed by [seed, 0] in the graph), from a
 * run's checkpoint or from an exported model: both give the same values for the same seed.
 *
 * @param values row-major [count, example shape...]
 * @param count number of examples
 * @param exampleShape shape of one example
 * @param dataset the dataset the generator was trained on
 * @param images true for images in [0, 1], false for raw 2-D points
 */
record GeneratedSamples(float[] values, int count, int[] exampleShape, String dataset, boolean images) {

  /** {@code count} samples from the generator of the run in {@code runDir}. */
  static GeneratedSamples fromCheckpoint(Path runDir, int count, long seed) throws IOException {
    try (RunGenerator generator = RunGenerator.open(runDir)) {
      String dataset = generator.config().dataset();
      return new GeneratedSamples(generator.generate(count, seed), count, generator.config().exampleShape(), dataset,
          !NamedDatasets.isToy(dataset));
    }
  }

  /** {@code count} samples from the model exported into {@code modelDir}. */
  static GeneratedSamples fromModel(Path modelDir, int count, long seed) throws IOException {
    ModelMetadata metadata = ModelMetadata.read(modelDir);
    try (SavedModelBundle bundle = SavedModelBundle.load(modelDir.toString(), "serve");
        TInt32 n = TInt32.scalarOf(count);
        TInt64 s = TInt64.scalarOf(seed);
        Result result = bundle.function(RunGenerator.GENERATE_KEY).call(Map.of("count", n, "seed", s))) {
      float[] values = Tensors.toFloats(result.get("images").orElseThrow());
      return new GeneratedSamples(values, count, metadata.exampleShape(), metadata.dataset(), metadata.images());
    }
  }

  /** The array shape [count, example shape...]. */
  long[] shape() {
    long[] shape = new long[exampleShape.length + 1];
    shape[0] = count;
    for (int i = 0; i < exampleShape.length; i++) {
      shape[i + 1] = exampleShape[i];
    }
    return shape;
  }
}
