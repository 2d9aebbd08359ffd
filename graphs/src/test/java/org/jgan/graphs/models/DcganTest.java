package org.jgan.graphs.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.jgan.graphs.Layer;
import org.jgan.graphs.layers.Activation;
import org.jgan.graphs.layers.BatchNorm;
import org.jgan.graphs.layers.Conv2d;
import org.jgan.graphs.layers.Conv2dTranspose;
import org.jgan.graphs.layers.Dense;
import org.jgan.graphs.layers.LayerNorm;
import org.jgan.graphs.layers.Reshape;
import org.junit.jupiter.api.Test;

/** DCGAN-32 and DCGAN-64 have the paper's layer shapes; the critic variants differ only in normalisation. */
class DcganTest {
  private static List<Integer> filters(List<Layer> layers) {
    return layers.stream().filter(l -> l instanceof Conv2d || l instanceof Conv2dTranspose)
        .map(l -> l instanceof Conv2d c ? c.filters() : ((Conv2dTranspose) l).filters()).toList();
  }

  private static long[] reshape(List<Layer> layers) {
    return layers.stream().filter(l -> l instanceof Reshape).map(l -> ((Reshape) l).shape()).findFirst().orElseThrow();
  }

  @Test
  void dcgan64HasTheRadfordShapes() {
    Architecture a = Architecture.named("dcgan64");
    List<Layer> g = a.generator(100, new int[] {64, 64, 3}, Activation.tanh());
    assertEquals(4 * 4 * 512, ((Dense) g.get(0)).units());
    assertArrayEquals(new long[] {4, 4, 512}, reshape(g));
    assertEquals(List.of(256, 128, 64, 3), filters(g));
    assertEquals(4, g.stream().filter(l -> l instanceof BatchNorm).count(), "batch norm after every G layer but the output");
    List<Layer> d = a.discriminator(new int[] {64, 64, 3});
    assertEquals(List.of(64, 128, 256, 512), filters(d));
    assertFalse(d.stream().anyMatch(l -> l instanceof BatchNorm), "dcgan64's critic is valid for WGAN-GP");
    assertEquals(3, d.stream().filter(l -> l instanceof LayerNorm).count());
    List<Layer> bn = Architecture.named("dcgan64-bn").discriminator(new int[] {64, 64, 3});
    assertEquals(3, bn.stream().filter(l -> l instanceof BatchNorm).count());
    assertFalse(bn.stream().anyMatch(l -> l instanceof LayerNorm));
  }

  @Test
  void dcgan32StartsFromFourByFourBy256() {
    Architecture a = Architecture.named("dcgan32-bn");
    List<Layer> g = a.generator(100, new int[] {32, 32, 1}, Activation.tanh());
    assertArrayEquals(new long[] {4, 4, 256}, reshape(g));
    assertEquals(List.of(128, 64, 1), filters(g));
    assertEquals(List.of(64, 128, 256), filters(a.discriminator(new int[] {32, 32, 1})));
    assertEquals(List.of(8, 16, 32), filters(Dcgan.named("dcgan32", 8).encoder(new int[] {32, 32, 3}, 10)));
    assertEquals("dcgan32-bn", a.name());
  }

  @Test
  void aWrongImageSizeNamesTheArchitectureAndTheShape() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Architecture.named("dcgan32").discriminator(new int[] {28, 28, 1}));
    assertEquals("dcgan32 needs 32x32xC images, got example shape [28, 28, 1]", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Architecture.named("dcgan48"));
  }
}
