package org.jgan.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** EBGAN's and alpha-GAN's settings by name: the defaults, and options that override them. */
class EbganAndAlphaGanSettingsByNameTest {
  @Test
  void namedObjectivesTakeThePapersDefaults() {
    Ebgan ebgan = (Ebgan) Objectives.named("ebgan");
    assertEquals(10f, ebgan.margin());
    assertEquals(0.1f, ebgan.pullingAwayWeight());
    assertEquals(1f, ((AlphaGan) Objectives.named("alpha-gan")).lambda());
    assertEquals("bgan", Objectives.named("bgan").name());
  }

  @Test
  void optionsOverrideTheDefaults() {
    // Each objective gets only the options it takes (another is refused: ObjectiveRegistryTest).
    Ebgan ebgan = (Ebgan) Objectives.named("ebgan", new ObjectiveOptions(null, null, false, null, null, 2.5f, 0f, null));
    assertEquals(2.5f, ebgan.margin());
    assertEquals(0f, ebgan.pullingAwayWeight());
    ObjectiveOptions reconstruction = new ObjectiveOptions(null, null, false, null, null, null, null, 7f);
    assertEquals(7f, ((AlphaGan) Objectives.named("alpha-gan", reconstruction)).lambda());
  }

  @Test
  void negativeSettingsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new ObjectiveOptions(null, null, false, null, null, -1f, null, null));
    assertThrows(IllegalArgumentException.class, () -> new ObjectiveOptions(null, null, false, null, null, null, -1f, null));
    assertThrows(IllegalArgumentException.class, () -> new ObjectiveOptions(null, null, false, null, null, null, null, -1f));
  }
}
