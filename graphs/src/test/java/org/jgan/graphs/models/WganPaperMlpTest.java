package org.jgan.graphs.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jgan.graphs.Layer;
import org.jgan.graphs.layers.Activation;
import org.jgan.graphs.layers.Dense;
import org.jgan.graphs.layers.Reshape;
import org.junit.jupiter.api.Test;

/** The WGAN code's MLP_G: depth x (Dense, ReLU), then a linear Dense to the example: no tanh, whatever output is asked. */
class WganPaperMlpTest {
  @Test
  void theGeneratorEndsLinearWhereTheMlpEndsInTheRunsActivation() {
    int[] mnist = {28, 28, 1};
    List<Layer> layers = new WganPaperMlp(32, 3).generator(100, mnist, Activation.tanh());
    List<String> kinds = layers.stream().map(WganPaperMlpTest::kind).toList();
    assertEquals(List.of("dense", "relu", "dense", "relu", "dense", "relu", "dense", "identity", "reshape"), kinds);
    assertEquals(784, ((Dense) layers.get(6)).units());
    // jgan's own MLP applies the activation it is given: that tanh is what saturated.
    assertEquals("tanh", kind(new Mlp(32, 3).generator(100, mnist, Activation.tanh()).get(7)));
    assertEquals(new Mlp(32, 3).discriminator(mnist).size(), new WganPaperMlp(32, 3).discriminator(mnist).size());
  }

  private static String kind(Layer layer) {
    if (layer instanceof Activation a) {
      return a.kind();
    }
    if (layer instanceof Dense) {
      return "dense";
    }
    return layer instanceof Reshape ? "reshape" : layer.getClass().getSimpleName();
  }
}
