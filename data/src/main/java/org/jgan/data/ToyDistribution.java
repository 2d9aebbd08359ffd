package org.jgan.data;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The 2-D toy distributions of the WGAN-GP toy experiments (Gulrajani et al. 2017, code
 * {@code gan_toy.py}), generated in code so they need no files.
 */
public enum ToyDistribution {
  /** Eight Gaussians on a circle of radius 2, std 0.02, everything scaled by 1/1.414. */
  EIGHT_GAUSSIANS("toy8", 1.414, 0.02) {
    @Override
    List<double[]> unscaledCentres() {
      double s = 1.0 / Math.sqrt(2);
      double[][] unit = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}, {s, s}, {s, -s}, {-s, s}, {-s, -s}};
      return java.util.Arrays.stream(unit).map(c -> new double[] {2 * c[0], 2 * c[1]}).toList();
    }
  },
  /** 25 Gaussians on the grid {-4, -2, 0, 2, 4}^2, std 0.05, everything scaled by 1/2.828. */
  TWENTY_FIVE_GAUSSIANS("toy25", 2.828, 0.05) {
    @Override
    List<double[]> unscaledCentres() {
      List<double[]> centres = new java.util.ArrayList<>();
      for (int x = -2; x <= 2; x++) {
        for (int y = -2; y <= 2; y++) {
          centres.add(new double[] {2 * x, 2 * y});
        }
      }
      return centres;
    }
  },
  /** scikit-learn's swiss roll (noise 0.25), axes x and z, divided by 7.5. */
  SWISS_ROLL("swissroll", 7.5, 0.25) {
    @Override
    List<double[]> unscaledCentres() {
      return List.of();
    }

    @Override
    void sampleOne(SplittableRandom random, float[] destination, int offset) {
      double t = 1.5 * Math.PI * (1 + 2 * random.nextDouble());
      destination[offset] = (float) ((t * Math.cos(t) + noise * random.nextGaussian()) / divisor);
      destination[offset + 1] = (float) ((t * Math.sin(t) + noise * random.nextGaussian()) / divisor);
    }
  };

  private final String id;
  final double divisor;
  final double noise;

  ToyDistribution(String id, double divisor, double noise) {
    this.id = id;
    this.divisor = divisor;
    this.noise = noise;
  }

  abstract List<double[]> unscaledCentres();

  /** The name used on the command line. */
  public String id() {
    return id;
  }

  /** Mode centres after scaling (empty for the swiss roll, which has no modes). */
  public List<double[]> modes() {
    return unscaledCentres().stream().map(c -> new double[] {c[0] / divisor, c[1] / divisor}).toList();
  }

  /** Standard deviation of each mode after scaling. */
  public double modeStd() {
    return noise / divisor;
  }

  /** Draws one point into {@code destination[offset]}, {@code destination[offset + 1]}. */
  void sampleOne(SplittableRandom random, float[] destination, int offset) {
    List<double[]> centres = unscaledCentres();
    double[] c = centres.get(random.nextInt(centres.size()));
    destination[offset] = (float) ((c[0] + noise * random.nextGaussian()) / divisor);
    destination[offset + 1] = (float) ((c[1] + noise * random.nextGaussian()) / divisor);
  }

  /** Draws {@code count} points, row-major (x0, y0, x1, y1, ...). */
  public float[] sample(SplittableRandom random, int count) {
    float[] points = new float[2 * count];
    for (int i = 0; i < count; i++) {
      sampleOne(random, points, 2 * i);
    }
    return points;
  }

  /** The distribution with the given command-line name. */
  public static ToyDistribution byId(String id) {
    for (ToyDistribution d : values()) {
      if (d.id.equals(id)) {
        return d;
      }
    }
    throw new IllegalArgumentException("unknown toy dataset '" + id + "'");
  }

  /** An endless source of fresh samples: batch {@code i} is drawn from a stream seeded by (seed, i). */
  public BatchSource batches(int batchSize, long seed) {
    return BatchSource.of(batchSize, new int[] {2}, (index, destination) -> {
      SplittableRandom random = new SplittableRandom(Seeds.derive(seed, index));
      for (int i = 0; i < batchSize; i++) {
        sampleOne(random, destination, 2 * i);
      }
    });
  }
}
