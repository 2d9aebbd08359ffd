package org.jgan.graphs.models;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The architectures jgan knows by name, each with the data it is built for, its default width and
 * depth, and how it is built from a width and depth (which fixed-size networks ignore). A new
 * architecture is its class and one entry here; no other code tests an architecture's name.
 */
public enum NamedArchitecture {
  MLP(Mlp.NAME, Data.ANY, Mlp.DEFAULT_WIDTH, Mlp.DEFAULT_DEPTH, false) {
    @Override
    public Architecture build(int width, int depth) {
      return new Mlp(width, depth);
    }

    @Override
    public Architecture build(int generatorWidth, int generatorDepth, int discriminatorWidth, int discriminatorDepth,
        float discriminatorDropout) {
      return new Mlp(generatorWidth, generatorDepth, discriminatorWidth, discriminatorDepth, discriminatorDropout);
    }

    @Override
    public boolean sizesNetworksApart() {
      return true;
    }
  },
  DCGAN28(Dcgan28.NAME, Data.IMAGES, Fixed.WIDTH, Fixed.DEPTH, false) {
    @Override
    public Architecture build(int width, int depth) {
      return new Dcgan28();
    }
  },
  DCGAN28_BN(Dcgan28Bn.NAME, Data.IMAGES, Fixed.WIDTH, Fixed.DEPTH, false) {
    @Override
    public Architecture build(int width, int depth) {
      return new Dcgan28Bn();
    }
  },
  /** The GAN paper's maxout MLPs: a sigmoid output (pixels in [0, 1]) with per-pixel output biases. */
  GAN_MLP(GanPaperMlp.NAME, Data.IMAGES, Fixed.WIDTH, Fixed.DEPTH, true) {
    @Override
    public Architecture build(int width, int depth) {
      return new GanPaperMlp();
    }
  },
  /** The WGAN paper's MLP generator: ReLU layers and a linear output, no tanh ({@link WganPaperMlp}). */
  WGAN_MLP(WganPaperMlp.NAME, Data.ANY, WganPaperMlp.DEFAULT_WIDTH, WganPaperMlp.DEFAULT_DEPTH, false) {
    @Override
    public Architecture build(int width, int depth) {
      return new WganPaperMlp(width, depth);
    }
  },
  /** Sequences only; the depth is its number of residual blocks. */
  RESNET1D(ResNet1d.NAME, Data.SEQUENCES, ResNet1d.DEFAULT_WIDTH, ResNet1d.DEFAULT_BLOCKS, false) {
    @Override
    public Architecture build(int width, int depth) {
      return new ResNet1d(width, depth);
    }
  },
  DCGAN32(32, false),
  DCGAN32_BN(32, true),
  DCGAN64(64, false),
  DCGAN64_BN(64, true);

  /** The data an architecture is built for. */
  public enum Data {
    /** Any example shape: it flattens its input. */
    ANY,
    /** Images [H, W, C]. */
    IMAGES,
    /** Sequences [L, K]. */
    SEQUENCES;

    /** How errors name the data: "images", "sequences", "any data". */
    String noun() {
      return this == ANY ? "any data" : name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * What fixed-size networks (DCGAN-28, the GAN paper's MLPs) record as their width and depth: they
   * read neither, and runs configured with these values resume unchanged.
   */
  private static final class Fixed {
    static final int WIDTH = Mlp.DEFAULT_WIDTH;
    static final int DEPTH = Mlp.DEFAULT_DEPTH;
  }

  private final String id;
  private final Data data;
  private final int defaultWidth;
  private final int defaultDepth;
  private final boolean paperRecipe;
  /** The image side of a DCGAN entry; 0 for the others. */
  private final int dcganSize;
  private final boolean dcganBatchNorm;

  NamedArchitecture(String id, Data data, int defaultWidth, int defaultDepth, boolean paperRecipe) {
    this.id = id;
    this.data = data;
    this.defaultWidth = defaultWidth;
    this.defaultDepth = defaultDepth;
    this.paperRecipe = paperRecipe;
    this.dcganSize = 0;
    this.dcganBatchNorm = false;
  }

  /** A DCGAN for {@code size}-pixel images, its width the base channel count ({@link Dcgan#BASE} unless set). */
  NamedArchitecture(int size, boolean batchNorm) {
    this.id = new Dcgan(size, batchNorm, Dcgan.BASE).name();
    this.data = Data.IMAGES;
    this.defaultWidth = Dcgan.BASE;
    this.defaultDepth = Fixed.DEPTH;
    this.paperRecipe = false;
    this.dcganSize = size;
    this.dcganBatchNorm = batchNorm;
  }

  /** The architecture at {@code width} and {@code depth}, each read only where the architecture has it. */
  public Architecture build(int width, int depth) {
    return new Dcgan(dcganSize, dcganBatchNorm, width);
  }

  /**
   * The architecture with the generator at {@code generatorWidth} and {@code generatorDepth} and the
   * other networks at {@code discriminatorWidth} and {@code discriminatorDepth}, with dropout at
   * {@code discriminatorDropout} after their hidden layers (0: none); only an architecture that
   * {@link #sizesNetworksApart sizes its networks apart} takes different sizes or the dropout.
   *
   * @throws IllegalArgumentException when the two sizes differ or dropout is asked of an architecture
   *     with one size for all its networks
   */
  public Architecture build(int generatorWidth, int generatorDepth, int discriminatorWidth, int discriminatorDepth,
      float discriminatorDropout) {
    if (generatorWidth != discriminatorWidth || generatorDepth != discriminatorDepth) {
      throw new IllegalArgumentException("model '" + id + "' has one width and depth for all its networks");
    }
    if (discriminatorDropout != 0f) {
      throw new IllegalArgumentException("model '" + id + "' takes no discriminator dropout");
    }
    return build(generatorWidth, generatorDepth);
  }

  /**
   * The generator of {@code generator} at {@code generatorWidth} and {@code generatorDepth} against
   * every other network of {@code critic} at {@code criticWidth} and {@code criticDepth}, with dropout
   * at {@code criticDropout} after their hidden layers (0: none); each side is sized as if it were
   * the whole model ({@link MixedArchitecture}). The same architecture on both sides is
   * {@link #build(int, int, int, int, float)}.
   *
   * @throws IllegalArgumentException when the two are built for different data (a sequence generator
   *     against an image critic), when either is the GAN paper's network (its recipe is the pair's),
   *     or when {@code critic} takes no dropout and some is asked
   */
  public static Architecture mixed(NamedArchitecture generator, int generatorWidth, int generatorDepth,
      NamedArchitecture critic, int criticWidth, int criticDepth, float criticDropout) {
    if (generator == critic) {
      return critic.build(generatorWidth, generatorDepth, criticWidth, criticDepth, criticDropout);
    }
    if (generator.data != Data.ANY && critic.data != Data.ANY && generator.data != critic.data) {
      throw new IllegalArgumentException("generator '" + generator.id + "' makes " + generator.data.noun()
          + " but critic '" + critic.id + "' reads " + critic.data.noun());
    }
    if (generator.paperRecipe || critic.paperRecipe) {
      NamedArchitecture paper = generator.paperRecipe ? generator : critic;
      throw new IllegalArgumentException("'" + paper.id + "' is the GAN paper's pair of networks, trained with that"
          + " paper's recipe: it does not mix with '" + (paper == generator ? critic : generator).id + "'");
    }
    return new MixedArchitecture(generator.build(generatorWidth, generatorDepth),
        critic.build(criticWidth, criticDepth, criticWidth, criticDepth, criticDropout));
  }

  /**
   * Whether the generator and the other networks can have different widths and depths, and dropout
   * in the other networks (the MLP).
   */
  public boolean sizesNetworksApart() {
    return false;
  }

  /** The architecture at its default width and depth. */
  public Architecture withDefaults() {
    return build(defaultWidth, defaultDepth);
  }

  /** The name on the command line and in run configurations. */
  public String id() {
    return id;
  }

  /** The data it is built for. */
  public Data data() {
    return data;
  }

  /** Its width unless set: hidden units, channels, or a DCGAN's base channel count. */
  public int defaultWidth() {
    return defaultWidth;
  }

  /** Its depth unless set: hidden layers or residual blocks. */
  public int defaultDepth() {
    return defaultDepth;
  }

  /**
   * True for the GAN paper's network, whose defaults follow the paper where the run does not set
   * them: [0, 1] pixels for its sigmoid output, batch 100, and output biases that may start at the
   * pixels' marginals. Its default z is U[-1, 1] ({@code uniform}), not the paper's
   * U(-sqrt 3, sqrt 3) ({@code uniform-unit-variance}), and its optimiser the objective's Adam: the
   * paper's full recipe is flags (experiments/gan-parzen-mnist.yaml sets them all).
   */
  public boolean paperRecipe() {
    return paperRecipe;
  }

  /** The architecture called {@code name}, if jgan knows one. */
  public static Optional<NamedArchitecture> find(String name) {
    return Arrays.stream(values()).filter(a -> a.id.equals(name)).findFirst();
  }

  /**
   * The architecture called {@code name}.
   *
   * @throws IllegalArgumentException "unknown model 'x' (known: ...)" when jgan knows none
   */
  public static NamedArchitecture named(String name) {
    return find(name).orElseThrow(() -> new IllegalArgumentException("unknown model '" + name + "' (known: "
        + String.join(", ", names()) + ")"));
  }

  /** Every architecture's name, in declaration order. */
  public static List<String> names() {
    return Arrays.stream(values()).map(NamedArchitecture::id).toList();
  }
}
