package org.jgan.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The dataset registry: each dataset carries what the tools ask of it, found by its name. */
class NamedDatasetRegistryTest {
  @Test
  void everyNameTheCommandLineAcceptsIsAnEntryInTheOrderItListsThem() {
    assertEquals(List.of("toy8", "toy25", "swissroll", "mnist", "fashion", "color-mnist", "binary-mnist",
        "quantized-mnist", "text", "cifar10", "folder"), NamedDatasets.NAMES);
    for (NamedDataset dataset : NamedDataset.values()) {
      assertEquals(dataset, NamedDataset.named(dataset.id()));
    }
  }

  @Test
  void anUnknownNameIsOneLineListingTheKnownOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NamedDataset.named("mnits"));
    assertEquals("unknown dataset 'mnits' (known: " + String.join(", ", NamedDatasets.NAMES) + ")", e.getMessage());
    assertFalse(NamedDatasets.isToy("mnits"), "an unknown name is no kind of data");
    assertThrows(IllegalArgumentException.class, () -> NamedDatasets.exampleShape("mnits"));
  }

  @Test
  void kindsDecideTheQuestionsTheToolsAsk() {
    assertTrue(NamedDataset.TOY8.isToy() && NamedDataset.TOY8.hasModes());
    assertTrue(NamedDataset.SWISSROLL.isToy() && !NamedDataset.SWISSROLL.hasModes(), "the Swiss roll has no modes");
    assertEquals(ToyDistribution.TWENTY_FIVE_GAUSSIANS, NamedDataset.TOY25.toyDistribution().orElseThrow());
    assertTrue(NamedDataset.TEXT.isText() && NamedDataset.TEXT.isDiscrete() && NamedDataset.TEXT.isMultinomial());
    assertTrue(NamedDataset.BINARY_MNIST.isDiscrete() && !NamedDataset.BINARY_MNIST.isMultinomial());
    assertTrue(NamedDataset.QUANTIZED_MNIST.hasPalette() && NamedDataset.QUANTIZED_MNIST.isMultinomial());
    assertFalse(NamedDataset.MNIST.isDiscrete() || NamedDataset.MNIST.isToy() || NamedDataset.MNIST.hasPalette());
    assertEquals(List.of("binary-mnist", "quantized-mnist", "text"), NamedDataset.discreteNames());
  }

  @Test
  void shapesFoldersAndClassifiersAreTheDatasets() {
    assertArrayEquals(new int[] {2}, NamedDatasets.exampleShape("toy25"));
    assertArrayEquals(new int[] {28, 28, 1}, NamedDatasets.exampleShape("fashion"));
    assertArrayEquals(new int[] {28, 28, 3}, NamedDatasets.exampleShape("color-mnist"));
    assertArrayEquals(new int[] {28, 28, Palette.DEFAULT_COLOURS}, NamedDatasets.exampleShape("quantized-mnist"));
    assertArrayEquals(new int[] {TextSequences.LENGTH, TextSequences.VOCABULARY}, NamedDatasets.exampleShape("text"));
    assertArrayEquals(Cifar10.shape(), NamedDatasets.exampleShape("cifar10"));
    assertArrayEquals(new int[] {32, 32, 3}, NamedDatasets.exampleShape("folder", 32, 3));
    assertThrows(IllegalArgumentException.class, () -> NamedDatasets.exampleShape("folder"));
    assertEquals("fashion-mnist", NamedDatasets.folder("fashion"));
    assertEquals("mnist", NamedDatasets.folder("binary-mnist"));
    assertThrows(IllegalArgumentException.class, () -> NamedDatasets.folder("toy8"));
    assertEquals(List.of("mnist", "fashion", "color-mnist", "cifar10"), NamedDataset.classifierNames());
    assertEquals(5, NamedDataset.FASHION.classifierEpochs());
    assertEquals(3, NamedDataset.MNIST.classifierEpochs());
  }
}
