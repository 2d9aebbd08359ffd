package org.jgan.tools.run;

import org.jgan.graphs.models.NamedArchitecture;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A rough but conservative estimate of the memory a training run needs, from the sizes its flags
 * set, made before any graph is built: a size that cannot fit is refused with a message naming the
 * flag instead of crashing the JVM in TensorFlow or stalling it in swap. Every network's parameters
 * count {@value #PARAMETER_COPIES} times (values, gradients, two optimiser slots); its activations
 * per example count once per example of the batch (times the samples per z of discrete BGAN), times
 * {@value #ACTIVATION_COPIES} (forward values and their gradients, over the real, generated and
 * interpolated batches a critic sees, and second-order gradients); {@value #RUNTIME_MB} MB go to
 * TensorFlow and the JVM. The networks follow the architectures in {@code org.jgan.graphs.models}.
 */
public final class TrainingMemory {
  static final int PARAMETER_COPIES = 4;
  static final int ACTIVATION_COPIES = 8;
  static final int RUNTIME_MB = 512;

  /** The sizes a run's flags set ({@code samplesPerZ} is 1 for objectives that draw one sample per z). */
  public record Settings(int batch, int zDim, int width, int depth, int samplesPerZ) {}

  /** The estimate: bytes in all, and the parameters and per-example activations behind it. */
  record Estimate(double bytes, double parameters, double activationsPerExample) {}

  /** A network's parameter count and the floats it computes per example. */
  private record Net(double parameters, double activations) {
    Net plus(Net other) {
      return new Net(parameters + other.parameters, activations + other.activations);
    }

    Net withActivations(double factor) {
      return new Net(parameters, activations * factor);
    }
  }

  private TrainingMemory() {}

  /**
   * The estimate for {@code objective} with the generator of {@code generatorModel} and the other
   * networks of {@code model} on examples of {@code exampleShape}.
   */
  static Estimate estimate(String objective, String generatorModel, String model, int[] exampleShape, Settings s) {
    Net networks = generator(generatorModel, exampleShape, s).plus(critic(objective, model, exampleShape, s));
    double perExample = networks.activations() * s.samplesPerZ();
    double floats = PARAMETER_COPIES * networks.parameters() + ACTIVATION_COPIES * (double) s.batch() * perExample;
    return new Estimate(Float.BYTES * floats + RUNTIME_MB * 1024.0 * 1024.0, networks.parameters(), perExample);
  }

  /**
   * Fails when a run of {@code given} sizes needs more than {@code availableBytes}, naming the size
   * flag to blame: of those set away from {@code defaults}, the one whose default lowers the estimate most.
   */
  public static void require(String objective, String model, int[] exampleShape, Settings given, Settings defaults,
      long availableBytes) {
    require(objective, model, model, exampleShape, given, defaults, availableBytes);
  }

  /** {@link #require(String, String, int[], Settings, Settings, long)} with the generator of {@code generatorModel}. */
  public static void require(String objective, String generatorModel, String model, int[] exampleShape,
      Settings given, Settings defaults, long availableBytes) {
    Estimate need = estimate(objective, generatorModel, model, exampleShape, given);
    if (need.bytes() <= availableBytes) {
      return;
    }
    Map<String, UnaryOperator<Settings>> resets = new LinkedHashMap<>();
    resets.put("--batch", g -> new Settings(defaults.batch(), g.zDim(), g.width(), g.depth(), g.samplesPerZ()));
    resets.put("--z-dim", g -> new Settings(g.batch(), defaults.zDim(), g.width(), g.depth(), g.samplesPerZ()));
    resets.put("--width", g -> new Settings(g.batch(), g.zDim(), defaults.width(), g.depth(), g.samplesPerZ()));
    resets.put("--depth", g -> new Settings(g.batch(), g.zDim(), g.width(), defaults.depth(), g.samplesPerZ()));
    resets.put("--samples-per-z", g -> new Settings(g.batch(), g.zDim(), g.width(), g.depth(), defaults.samplesPerZ()));
    String blamed = null;
    double lowest = need.bytes();
    for (Map.Entry<String, UnaryOperator<Settings>> reset : resets.entrySet()) {
      double bytes = estimate(objective, generatorModel, model, exampleShape, reset.getValue().apply(given)).bytes();
      if (bytes < lowest) {
        lowest = bytes;
        blamed = reset.getKey();
      }
    }
    String sizes = String.format(Locale.ROOT, "about %s (%.3g parameters, each with its gradient and optimiser"
        + " slots, and %.3g activations per example for a batch of %d)", Memory.format(need.bytes()), need.parameters(),
        need.activationsPerExample(), given.batch());
    String machine = "more than this machine's " + Memory.format(availableBytes) + " of memory";
    throw new IllegalArgumentException(blamed == null ? "a run of these default sizes needs " + sizes + ", " + machine
        : blamed + " " + value(blamed, given) + " is too large: the run would need " + sizes + ", " + machine);
  }

  private static int value(String flag, Settings s) {
    return switch (flag) {
      case "--batch" -> s.batch();
      case "--z-dim" -> s.zDim();
      case "--width" -> s.width();
      case "--depth" -> s.depth();
      default -> s.samplesPerZ();
    };
  }

  /** The generator, with the z batch it is fed. */
  private static Net generator(String model, int[] shape, Settings s) {
    double e = size(shape);
    double z = s.zDim();
    Net net = switch (NamedArchitecture.named(model)) {
      case MLP -> mlp(z, e, s).plus(new Net(0, e));
      case RESNET1D -> resnetGenerator(shape, s);
      case GAN_MLP -> dense(z, 1200).plus(dense(1200, 1200)).plus(dense(1200, e)).withActivations(2);
      default -> dcganGenerator(z, channels(shape), model);
    };
    return net.plus(new Net(0, z));
  }

  /** Every network that is not the generator: a discriminator, EBGAN's auto-encoder, alpha-GAN's three. */
  private static Net critic(String objective, String model, int[] shape, Settings s) {
    double e = size(shape);
    double z = s.zDim();
    Net input = new Net(0, e);
    if (org.jgan.losses.Objectives.type(objective) == org.jgan.losses.Ebgan.TYPE) {
      return input.plus(encoder(model, shape, s)).plus(decoder(model, shape, s));
    }
    Net discriminator = input.plus(discriminator(model, shape, s));
    if (org.jgan.losses.Objectives.type(objective) == org.jgan.losses.AlphaGan.TYPE) {
      return discriminator.plus(encoder(model, shape, s)).plus(codeDiscriminator(model, z, s));
    }
    return discriminator;
  }

  private static Net discriminator(String model, int[] shape, Settings s) {
    return switch (NamedArchitecture.named(model)) {
      case MLP -> mlp(size(shape), 1, s);
      case RESNET1D -> resnetDiscriminator(shape, s);
      // Maxout layers of 240 units x 5 pieces, dropout kept as a mask per layer.
      case GAN_MLP -> dense(size(shape), 1200).plus(dense(240, 1200)).plus(dense(240, 1)).withActivations(3);
      default -> dcganConvolutions(channels(shape), model).plus(dense(3136, 1));
    };
  }

  private static Net encoder(String model, int[] shape, Settings s) {
    return switch (NamedArchitecture.named(model)) {
      case MLP -> mlp(size(shape), s.zDim(), s);
      case RESNET1D, GAN_MLP -> discriminator(model, shape, s).plus(dense(size(shape), s.zDim()));
      default -> dcganConvolutions(channels(shape), model).plus(dense(3136, s.zDim()));
    };
  }

  private static Net decoder(String model, int[] shape, Settings s) {
    return NamedArchitecture.named(model) == NamedArchitecture.MLP ? mlp(s.zDim(), size(shape), s) : generator(model, shape, s);
  }

  private static Net codeDiscriminator(String model, double z, Settings s) {
    return NamedArchitecture.named(model) == NamedArchitecture.MLP ? mlp(z, 1, s) : dense(z, 512).plus(dense(512, 512)).plus(dense(512, 1)).withActivations(2);
  }

  /** {@code depth} hidden layers of {@code width} (dense and ReLU outputs), then a dense layer to {@code out}. */
  private static Net mlp(double in, double out, Settings s) {
    double w = s.width();
    Net hidden = new Net(in * w + w + (s.depth() - 1.0) * (w * w + w), 2.0 * s.depth() * w);
    return hidden.plus(dense(w, out));
  }

  /** Dense z -> 7x7x64, then transposed 4x4 convolutions to 14x14x32 and 28x28xC (ReLU and output activations). */
  private static Net dcganGenerator(double z, int channels, String model) {
    Net net = dense(z, 7 * 7 * 64).plus(conv(4 * 4 * 64, 32, 14 * 14)).plus(conv(4 * 4 * 32, channels, 28 * 28));
    return net.withActivations(NamedArchitecture.named(model) == NamedArchitecture.DCGAN28_BN ? 4 : 2);
  }

  /** 4x4 stride-2 convolutions C -> 32 (14x14) -> 64 (7x7), with their LeakyReLU outputs. */
  private static Net dcganConvolutions(int channels, String model) {
    Net net = conv(4 * 4 * channels, 32, 14 * 14).plus(conv(4 * 4 * 32, 64, 7 * 7));
    return net.withActivations(NamedArchitecture.named(model) == NamedArchitecture.DCGAN28_BN ? 4 : 2);
  }

  /** Dense z -> length x width, {@code depth} residual blocks (two kernel-5 convolutions each), kernel-1 to K. */
  private static Net resnetGenerator(int[] shape, Settings s) {
    double length = shape.length == 2 ? shape[0] : 1;
    double k = shape.length == 2 ? shape[1] : size(shape);
    return dense(s.zDim(), length * s.width()).plus(residualBlocks(length, s)).plus(conv(s.width(), k, length))
        .withActivations(2);
  }

  private static Net resnetDiscriminator(int[] shape, Settings s) {
    double length = shape.length == 2 ? shape[0] : 1;
    double k = shape.length == 2 ? shape[1] : size(shape);
    return conv(k, s.width(), length).plus(residualBlocks(length, s)).plus(dense(length * s.width(), 1))
        .withActivations(2);
  }

  private static Net residualBlocks(double length, Settings s) {
    double w = s.width();
    return new Net(s.depth() * 2.0 * (5 * w * w + w), s.depth() * 5.0 * length * w);
  }

  private static Net dense(double in, double out) {
    return new Net(in * out + out, out);
  }

  /** A convolution reading {@code window} inputs per output, {@code out} channels over {@code positions}. */
  private static Net conv(double window, double out, double positions) {
    return new Net(window * out + out, out * positions);
  }

  private static int channels(int[] shape) {
    return shape.length == 3 ? shape[2] : 1;
  }

  private static double size(int[] shape) {
    double n = 1;
    for (int d : shape) {
      n *= d;
    }
    return n;
  }
}
