package org.jgan.tools.cli;

import java.util.Map;
import org.jgan.graphs.Tensors;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.types.TFloat32;

/**
 * Run in a fresh JVM by the export test: loads a SavedModel, feeds the z given as arguments
 * (dimension, then values) to serving_default and prints each output element's float bits in hex.
 */
public final class ModelProbe {
  private ModelProbe() {}

  public static void main(String[] args) {
    int dim = Integer.parseInt(args[1]);
    float[] z = new float[args.length - 2];
    for (int i = 0; i < z.length; i++) {
      z[i] = Float.intBitsToFloat(Integer.parseUnsignedInt(args[i + 2], 16));
    }
    try (SavedModelBundle bundle = SavedModelBundle.load(args[0], "serve");
        TFloat32 zt = Tensors.floats(z, z.length / dim, dim);
        Result result = bundle.call(Map.of("z", zt))) {
      for (float v : Tensors.toFloats(result.get("images").orElseThrow())) {
        System.out.println(Integer.toHexString(Float.floatToIntBits(v)));
      }
    }
  }
}
