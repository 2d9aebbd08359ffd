package org.jgan.graphs.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jgan.graphs.GraphContext;
import org.jgan.graphs.Layer;
import org.jgan.graphs.Network;
import org.jgan.graphs.layers.Activation;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * The checkpoint variable names of every stock architecture stay as they were: a checkpoint
 * restores by name, so a renamed variable would make every saved run unreadable. The expected
 * list, {@code stock-variable-names.txt}, was written by this test on the code before nested
 * layers got their own scopes.
 */
class StockVariableNamesTest {
  private static final int Z = 4;

  /** Every stock architecture on a shape it takes. */
  private static List<Object[]> architectures() {
    return List.of(
        new Object[] {new Mlp(8, 2), new int[] {2}},
        new Object[] {Architecture.named("dcgan28"), new int[] {28, 28, 1}},
        new Object[] {Architecture.named("dcgan28-bn"), new int[] {28, 28, 1}},
        new Object[] {Architecture.named("gan-mlp"), new int[] {784}},
        new Object[] {Dcgan.named("dcgan32", 8), new int[] {32, 32, 3}},
        new Object[] {Dcgan.named("dcgan32-bn", 8), new int[] {32, 32, 3}},
        new Object[] {Dcgan.named("dcgan64", 8), new int[] {64, 64, 3}},
        new Object[] {Dcgan.named("dcgan64-bn", 8), new int[] {64, 64, 3}},
        new Object[] {new ResNet1d(8, 2), new int[] {6, 5}});
  }

  /** "architecture network variable [shape]" for every variable each network of each architecture creates. */
  static List<String> stockVariableNames() {
    List<String> lines = new ArrayList<>();
    for (Object[] entry : architectures()) {
      Architecture a = (Architecture) entry[0];
      int[] shape = (int[]) entry[1];
      describe(lines, a, "generator", () -> a.generator(Z, shape, Activation.tanh()), new long[] {Z});
      describe(lines, a, "discriminator", () -> a.discriminator(shape), dims(shape));
      describe(lines, a, "encoder", () -> a.encoder(shape, Z), dims(shape));
      describe(lines, a, "code_discriminator", () -> a.codeDiscriminator(Z), new long[] {Z});
      describe(lines, a, "auto_encoder", () -> a.autoEncoder(shape, Z), dims(shape));
    }
    return lines;
  }

  private static void describe(List<String> lines, Architecture a, String network, Supplier<List<Layer>> layers,
      long[] input) {
    List<Layer> built;
    try {
      built = layers.get();
    } catch (UnsupportedOperationException e) {
      return; // this architecture has no such network
    }
    try (Graph graph = new Graph()) {
      GraphContext ctx = new GraphContext(graph, 1);
      long[] batched = new long[input.length + 1];
      batched[0] = 3;
      System.arraycopy(input, 0, batched, 1, input.length);
      Placeholder<TFloat32> x = ctx.tf().placeholder(TFloat32.class, Placeholder.shape(Shape.of(batched)));
      Network net = new Network(network, ctx, built);
      net.apply(x);
      net.variables().forEach(v -> lines.add(a.name() + " " + v.op().name() + " " + v.shape()));
    }
  }

  private static long[] dims(int[] shape) {
    long[] d = new long[shape.length];
    for (int i = 0; i < shape.length; i++) {
      d[i] = shape[i];
    }
    return d;
  }

  @Test
  void stockArchitecturesKeepTheirCheckpointVariableNames() throws IOException {
    List<String> expected;
    try (InputStream in = StockVariableNamesTest.class.getResourceAsStream("stock-variable-names.txt")) {
      expected = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
    assertEquals(expected, stockVariableNames());
  }

  /** Writes the expected list (run once on the old code). */
  public static void main(String[] args) throws IOException {
    java.nio.file.Files.write(java.nio.file.Path.of(args[0]), stockVariableNames());
  }
}
