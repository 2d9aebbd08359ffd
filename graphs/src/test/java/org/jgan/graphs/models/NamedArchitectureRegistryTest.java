package org.jgan.graphs.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The architecture registry: one list of names, each entry building its own class with its own defaults. */
class NamedArchitectureRegistryTest {
  @Test
  void everyNameIsAnEntryWhoseArchitectureCarriesThatName() {
    assertEquals(List.of("mlp", "dcgan28", "dcgan28-bn", "gan-mlp", "wgan-mlp", "resnet1d", "dcgan32", "dcgan32-bn", "dcgan64",
        "dcgan64-bn"), NamedArchitecture.names());
    for (NamedArchitecture entry : NamedArchitecture.values()) {
      assertEquals(entry.id(), entry.withDefaults().name());
      assertEquals(entry.id(), Architecture.named(entry.id()).name());
    }
  }

  @Test
  void anUnknownNameIsOneLineListingTheKnownOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Architecture.named("dcgan48"));
    assertEquals("unknown model 'dcgan48' (known: " + String.join(", ", NamedArchitecture.names()) + ")", e.getMessage());
    assertFalse(NamedArchitecture.find("dcgan48").isPresent());
  }

  @Test
  void eachArchitectureBuildsWithItsOwnDefaultsAndReadsOnlyTheSizesItHas() {
    assertEquals(new Mlp(Mlp.DEFAULT_WIDTH, Mlp.DEFAULT_DEPTH), Architecture.named("mlp"));
    assertEquals(new Dcgan(64, true, Dcgan.BASE), Architecture.named("dcgan64-bn"));
    assertEquals(new ResNet1d(ResNet1d.DEFAULT_WIDTH, ResNet1d.DEFAULT_BLOCKS), Architecture.named("resnet1d"));
    assertEquals(new Dcgan(32, false, 8), NamedArchitecture.DCGAN32.build(8, 99));
    assertEquals(new Mlp(16, 2), NamedArchitecture.MLP.build(16, 2));
    assertEquals(new ResNet1d(32, 4), NamedArchitecture.RESNET1D.build(32, 4));
    assertEquals(new Dcgan28(), NamedArchitecture.DCGAN28.build(1, 1));
    assertEquals(Dcgan.BASE, NamedArchitecture.DCGAN64.defaultWidth());
    assertEquals(new WganPaperMlp(512, 4), Architecture.named("wgan-mlp"));
    assertEquals(new WganPaperMlp(16, 3), NamedArchitecture.WGAN_MLP.build(16, 3));
  }

  @Test
  void theDataEachIsBuiltForAndThePaperRecipe() {
    assertEquals(NamedArchitecture.Data.ANY, NamedArchitecture.MLP.data());
    assertEquals(NamedArchitecture.Data.SEQUENCES, NamedArchitecture.RESNET1D.data());
    assertEquals(NamedArchitecture.Data.IMAGES, NamedArchitecture.DCGAN28_BN.data());
    assertTrue(NamedArchitecture.GAN_MLP.paperRecipe());
    assertEquals(1, java.util.Arrays.stream(NamedArchitecture.values()).filter(NamedArchitecture::paperRecipe).count());
  }
}
