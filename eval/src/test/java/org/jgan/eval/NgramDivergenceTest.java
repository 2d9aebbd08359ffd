package org.jgan.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NgramDivergenceTest {
  @Test
  void identicalTextsHaveZeroDivergence() {
    List<String> text = List.of("the cat sat", "on the mat");
    NgramDivergence.Result r = NgramDivergence.between(text, List.of("on the mat", "the cat sat"));
    for (int n = 1; n <= 4; n++) {
      assertEquals(0, r.divergence(n), 1e-12);
    }
    // Same distribution, different counts: still 0.
    assertEquals(0, NgramDivergence.between(List.of("abab"), List.of("ab", "ab", "ab"), 1, 1).divergence(1), 1e-12);
  }

  @Test
  void disjointTextsHaveLogTwo() {
    NgramDivergence.Result r = NgramDivergence.between(List.of("aaaa"), List.of("bcbc"));
    for (int n = 1; n <= 4; n++) {
      assertEquals(Math.log(2), r.divergence(n), 1e-12);
    }
  }

  @Test
  void smallCaseComputedByHand() {
    // Unigrams of "aab": P = (a 2/3, b 1/3); of "ab": Q = (a 1/2, b 1/2); M = (7/12, 5/12).
    double expected = 0.5 * (2.0 / 3 * Math.log((2.0 / 3) / (7.0 / 12)) + 1.0 / 3 * Math.log((1.0 / 3) / (5.0 / 12)))
        + 0.5 * (0.5 * Math.log(0.5 / (7.0 / 12)) + 0.5 * Math.log(0.5 / (5.0 / 12)));
    NgramDivergence.Result r = NgramDivergence.between(List.of("aab"), List.of("ab"), 1, 2);
    assertEquals(expected, r.divergence(1), 1e-12);
    assertEquals(0.014363, r.divergence(1), 1e-6);
    // Bigrams: P = (aa 1/2, ab 1/2), Q = (ab 1): M = (aa 1/4, ab 3/4).
    double bigram = 0.5 * (0.5 * Math.log(2) + 0.5 * Math.log(0.5 / 0.75)) + 0.5 * Math.log(1 / 0.75);
    assertEquals(bigram, r.divergence(2), 1e-12);
    assertEquals(3, r.sampleNgrams()[0]);
    assertEquals(2, r.corpusNgrams()[0]);
    assertEquals(2, r.sampleNgrams()[1]);
  }

  @Test
  void ngramsDoNotSpanStrings() {
    Map<String, Long> counts = NgramDivergence.counts(List.of("ab", "cd"), 2);
    assertEquals(Map.of("ab", 1L, "cd", 1L), counts);
  }
}
