package org.jgan.eval.metric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.util.Arrays;
import org.jgan.data.Dataset;
import org.jgan.data.Split;
import org.junit.jupiter.api.Test;

/** Which real images an evaluation scores against: the test split, or the validation split's held-out part. */
class EvaluationSplitTest {
  private static final int[] GREY_28 = {28, 28, 1};

  private static EvaluationContext context(EvalSettings settings) {
    float[] grey = new float[2 * 28 * 28];
    Arrays.fill(grey, 0.5f);
    return new EvaluationContext(new Samples(grey, 2, GREY_28, "mnist", "grey"), settings);
  }

  @Test
  void theValidationSplitIsScoredAfterTheImagesThatChooseSettingsAndCanBeCut() throws Exception {
    String data = System.getenv("JGAN_DATA");
    assertNotNull(data, "JGAN_DATA must name the datasets folder");
    EvalSettings defaults = EvalSettings.defaults(Path.of(data));
    Dataset validationSplit;
    try (EvaluationContext test = context(defaults)) {
      validationSplit = test.validation();
      assertEquals("mnist/test", test.test().name());
      assertEquals(10_000, test.test().size());
    }
    try (EvaluationContext validation = context(defaults.withSplit(Split.VALIDATION).withRealImages(300))) {
      assertArrayEquals(validationSplit.slice(0, EvalSettings.HELD_BACK).values(), validation.validation().values());
      assertArrayEquals(validationSplit.slice(EvalSettings.HELD_BACK, EvalSettings.HELD_BACK + 300).values(),
          validation.test().values());
      assertEquals("mnist/validation[1000:1300]", validation.test().name());
    }
  }

  @Test
  void aSmallValidationSplitIsHalvedBetweenChoosingAndScoring() {
    assertEquals(EvalSettings.HELD_BACK, EvalSettings.heldBack(10_000));
    assertEquals(400, EvalSettings.heldBack(801));
    assertEquals(0, EvalSettings.heldBack(1));
  }
}
