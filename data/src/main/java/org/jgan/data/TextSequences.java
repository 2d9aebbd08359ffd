package org.jgan.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Fixed-length character sequences, one-hot encoded as [LENGTH, VOCABULARY] (the WGAN-GP and BGAN
 * character-level experiments). The vocabulary is a pad symbol, an unknown symbol and the 95
 * printable ASCII characters: the corpus is printable ASCII only, so this is the vocabulary of its
 * training split, fixed in code so that every run and model agrees on the encoding.
 */
public final class TextSequences {
  /** Characters per sequence: longer lines are truncated, shorter ones padded. */
  public static final int LENGTH = 32;
  public static final int PAD = 0;
  public static final int UNKNOWN = 1;
  /** Pad, unknown, then ' ' .. '~'. */
  public static final int VOCABULARY = 2 + 95;
  /** Lines at the end of the file kept out of training. */
  public static final int VALIDATION_LINES = 1000;

  private TextSequences() {}

  /** The index of character {@code c}. */
  public static int index(char c) {
    return c >= ' ' && c <= '~' ? 2 + (c - ' ') : UNKNOWN;
  }

  /** The character of index {@code i}: '\0' for the pad, '?' for unknown. */
  public static char character(int i) {
    return i == PAD ? '\0' : i == UNKNOWN ? '?' : (char) (' ' + i - 2);
  }

  /** The non-empty lines of {@code file}. */
  public static List<String> readLines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isEmpty()).toList();
    } catch (NoSuchFileException e) {
      throw new DataException(file + ": text file not found");
    } catch (IOException e) {
      throw new DataException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** The training split of {@code file}: every line but the last {@value #VALIDATION_LINES}, encoded. */
  public static Dataset trainingSplit(Path file) {
    List<String> lines = readLines(file);
    if (lines.size() <= VALIDATION_LINES) {
      throw new DataException(file + ": " + lines.size() + " lines, the split needs more than " + VALIDATION_LINES);
    }
    return encode(file.getFileName().toString(), lines.subList(0, lines.size() - VALIDATION_LINES));
  }

  /** One-hot [count, LENGTH, VOCABULARY] encoding of {@code lines}. */
  public static Dataset encode(String name, List<String> lines) {
    float[] values = new float[lines.size() * LENGTH * VOCABULARY];
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n);
      for (int t = 0; t < LENGTH; t++) {
        int symbol = t < line.length() ? index(line.charAt(t)) : PAD;
        values[(n * LENGTH + t) * VOCABULARY + symbol] = 1f;
      }
    }
    return new Dataset(name, new int[] {LENGTH, VOCABULARY}, values, null);
  }

  /** Decodes [count, LENGTH, VOCABULARY] one-hot vectors or probabilities (arg-max per position), dropping pads. */
  public static List<String> decode(float[] values, int count) {
    List<String> lines = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      StringBuilder line = new StringBuilder();
      for (int t = 0; t < LENGTH; t++) {
        int base = (n * LENGTH + t) * VOCABULARY;
        int best = 0;
        for (int k = 1; k < VOCABULARY; k++) {
          if (values[base + k] > values[base + best]) {
            best = k;
          }
        }
        if (best != PAD) {
          line.append(character(best));
        }
      }
      lines.add(line.toString());
    }
    return lines;
  }
}
