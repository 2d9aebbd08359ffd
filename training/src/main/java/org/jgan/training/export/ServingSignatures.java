package org.jgan.training.export;

import org.tensorflow.Signature;

/**
 * The names an exported generator is called by: its two signatures and their inputs and outputs,
 * what TensorFlow Serving requests and {@code SavedModelBundle.function(...)} use.
 */
public final class ServingSignatures {
  /** The signature mapping a fed z to outputs: z float32 [-1, zDim]. */
  public static final String SERVING_KEY = Signature.DEFAULT_KEY;
  /** The signature drawing z in the graph: count int32 [], seed int64 [] (stateless key [seed, 0]). */
  public static final String GENERATE_KEY = "generate";
  /** {@link #SERVING_KEY}'s input. */
  public static final String Z = "z";
  /** {@link #GENERATE_KEY}'s input: how many examples to draw. */
  public static final String COUNT = "count";
  /** {@link #GENERATE_KEY}'s input: the key of the z draw. */
  public static final String SEED = "seed";
  /** The output of both signatures: images (or points; probabilities for discrete generators). */
  public static final String IMAGES = "images";
  /** Discrete generators' second output: a draw from the distribution {@link #IMAGES} gives. */
  public static final String SAMPLES = "samples";

  private ServingSignatures() {}
}
