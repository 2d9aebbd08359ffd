package org.jgan.data;

import java.nio.charset.StandardCharsets;

/**
 * Derives independent seeds from one run seed, so every random source in a run (data order, toy
 * samples, graph ops) follows from a single number.
 */
public final class Seeds {
  private Seeds() {}

  /** SplitMix64's finaliser: a bijective mix with good avalanche. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** A seed for the stream identified by {@code parts}, derived from {@code seed}. */
  public static long derive(long seed, long... parts) {
    long h = mix(seed + 0x9e3779b97f4a7c15L);
    for (long part : parts) {
      // Multiply-then-add keeps derive(a, b) != derive(b, a) and derive(s, s) seed-dependent.
      h = mix(h * 0x9e3779b97f4a7c15L + mix(part + 0x632be59bd9b4e019L));
    }
    return h;
  }

  /** A seed for the named stream, derived from {@code seed}. */
  public static long derive(long seed, String stream) {
    long h = 1125899906842597L;
    for (byte b : stream.getBytes(StandardCharsets.UTF_8)) {
      h = 31 * h + b;
    }
    return derive(seed, h);
  }
}
