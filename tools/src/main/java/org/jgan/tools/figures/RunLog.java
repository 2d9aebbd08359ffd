package org.jgan.tools.figures;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's {@code log.jsonl} as one trace per scalar, in the order the scalars first appear. A value
 * that is NaN, infinite, null or not a number is kept as NaN, so a figure can skip it and say so;
 * a line cut short by a crash ends the log.
 *
 * @param scalars each scalar's trace, by its key ({@code critic/loss}, {@code quality/parzen}, ...)
 */
public record RunLog(Map<String, Trace> scalars) {
  /**
   * One scalar over the run.
   *
   * @param steps the iteration of each value
   * @param values the values, NaN where the log had no finite number
   */
  public record Trace(double[] steps, double[] values) {
    /** How many values are not finite. */
    public int nonFinite() {
      return (int) Arrays.stream(values).filter(v -> !Double.isFinite(v)).count();
    }

    /** The finite points only: {@code [steps, values]}. */
    public double[][] finite() {
      int n = values.length - nonFinite();
      double[] x = new double[n];
      double[] y = new double[n];
      int j = 0;
      for (int i = 0; i < values.length; i++) {
        if (Double.isFinite(values[i])) {
          x[j] = steps[i];
          y[j++] = values[i];
        }
      }
      return new double[][] {x, y};
    }
  }

  /** Copies the map, keeping its order. */
  public RunLog {
    scalars = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(scalars));
  }

  /** Reads {@code file}; a missing file is an empty log. */
  public static RunLog read(Path file) throws IOException {
    Map<String, List<double[]>> points = new LinkedHashMap<>();
    if (Files.exists(file)) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        JsonObject entry;
        try {
          entry = JsonParser.parseString(line).getAsJsonObject();
        } catch (RuntimeException e) {
          break;
        }
        double step = entry.get("step").getAsDouble();
        for (Map.Entry<String, JsonElement> e : entry.entrySet()) {
          if (!e.getKey().equals("step")) {
            points.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(new double[] {step, number(e.getValue())});
          }
        }
      }
    }
    Map<String, Trace> scalars = new LinkedHashMap<>();
    points.forEach((key, list) -> scalars.put(key, new Trace(list.stream().mapToDouble(p -> p[0]).toArray(),
        list.stream().mapToDouble(p -> p[1]).toArray())));
    return new RunLog(scalars);
  }

  private static double number(JsonElement value) {
    if (value == null || !value.isJsonPrimitive()) {
      return Double.NaN;
    }
    try {
      return value.getAsDouble();
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** The keys of the losses (ending in {@code /loss}), then of the quality probes ({@code quality/...}). */
  public List<String> lossAndQualityKeys() {
    List<String> keys = new ArrayList<>();
    scalars.keySet().stream().filter(k -> k.endsWith("/loss")).forEach(keys::add);
    scalars.keySet().stream().filter(k -> k.startsWith("quality/")).forEach(keys::add);
    return keys;
  }
}
