package org.jgan.eval;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Jensen-Shannon divergence between the character n-gram distributions of generated text and of
 * a corpus, for each n in 1..4 (the text metric of Rajeswar et al. 2017, "Adversarial Generation
 * of Natural Language", section 4): JS(P, Q) = KL(P || M) / 2 + KL(Q || M) / 2 with M = (P + Q) / 2,
 * in nats, so 0 for equal distributions and log 2 for disjoint ones. N-grams are counted within
 * each string (none spans two strings), over Unicode code points.
 */
public final class NgramDivergence {
  /** Smallest n-gram order of the protocol. */
  public static final int MIN_ORDER = 1;
  /** Largest n-gram order of the protocol. */
  public static final int MAX_ORDER = 4;

  private NgramDivergence() {}

  /**
   * @param orders the n of every divergence, ascending
   * @param divergences JS divergence (nats) for each order
   * @param sampleNgrams n-grams counted in the samples, for each order
   * @param corpusNgrams n-grams counted in the corpus, for each order
   * @param sampleStrings sample strings
   * @param corpusStrings corpus strings
   */
  public record Result(
      int[] orders, double[] divergences, long[] sampleNgrams, long[] corpusNgrams, int sampleStrings, int corpusStrings) {
    /** The divergence for n-grams of order {@code n}. */
    public double divergence(int n) {
      for (int i = 0; i < orders.length; i++) {
        if (orders[i] == n) {
          return divergences[i];
        }
      }
      throw new IllegalArgumentException("order " + n + " was not computed");
    }
  }

  /** JS divergences for n = 1..4. */
  public static Result between(List<String> samples, List<String> corpus) {
    return between(samples, corpus, MIN_ORDER, MAX_ORDER);
  }

  /**
   * JS divergences for every n from {@code minOrder} to {@code maxOrder}; throws
   * IllegalArgumentException when either side has no n-gram of some order (strings too short).
   */
  public static Result between(List<String> samples, List<String> corpus, int minOrder, int maxOrder) {
    if (minOrder < 1 || maxOrder < minOrder) {
      throw new IllegalArgumentException("bad n-gram orders " + minOrder + ".." + maxOrder);
    }
    int count = maxOrder - minOrder + 1;
    int[] orders = new int[count];
    double[] divergences = new double[count];
    long[] sampleTotals = new long[count];
    long[] corpusTotals = new long[count];
    for (int i = 0; i < count; i++) {
      int n = minOrder + i;
      Map<String, Long> p = counts(samples, n);
      Map<String, Long> q = counts(corpus, n);
      orders[i] = n;
      sampleTotals[i] = total(p);
      corpusTotals[i] = total(q);
      if (sampleTotals[i] == 0 || corpusTotals[i] == 0) {
        throw new IllegalArgumentException("no " + n + "-grams in the " + (sampleTotals[i] == 0 ? "samples" : "corpus"));
      }
      divergences[i] = jensenShannon(p, q);
    }
    return new Result(orders, divergences, sampleTotals, corpusTotals, samples.size(), corpus.size());
  }

  /** Counts of the n-grams (of code points) inside each string. */
  public static Map<String, Long> counts(List<String> strings, int n) {
    Map<String, Long> out = new HashMap<>();
    for (String s : strings) {
      int[] cps = s.codePoints().toArray();
      for (int i = 0; i + n <= cps.length; i++) {
        out.merge(new String(cps, i, n), 1L, Long::sum);
      }
    }
    return out;
  }

  /** JS divergence (nats) between the distributions given by two count tables. */
  public static double jensenShannon(Map<String, Long> p, Map<String, Long> q) {
    double np = total(p);
    double nq = total(q);
    Set<String> keys = new HashSet<>(p.keySet());
    keys.addAll(q.keySet());
    double js = 0;
    for (String key : keys) {
      double pi = p.getOrDefault(key, 0L) / np;
      double qi = q.getOrDefault(key, 0L) / nq;
      double mi = (pi + qi) / 2;
      // KL terms with 0 log 0 = 0.
      if (pi > 0) {
        js += 0.5 * pi * Math.log(pi / mi);
      }
      if (qi > 0) {
        js += 0.5 * qi * Math.log(qi / mi);
      }
    }
    return Math.max(js, 0);
  }

  private static long total(Map<String, Long> counts) {
    long sum = 0;
    for (long c : counts.values()) {
      sum += c;
    }
    return sum;
  }
}
